// The usage view over the ledger: every request the app made for a conversation (or for all of
// them) with its tokens, tier, cost and time; totals per conversation, per day and per model; and
// the export of the listed requests as CSV. Amounts are shown in their own currency and never added
// across currencies; a request without a known price shows "unknown", never 0.
#pragma once

#include "store/UsageLedger.h"

#include <QTimeZone>
#include <QWidget>
#include <functional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace ark::ui {

class UsageView : public QWidget
{
    Q_OBJECT
public:
    // Columns of requestsTable().
    enum RequestColumn {
        TimeColumn,
        ConversationColumn,
        KindColumn,
        ModelColumn,
        InputColumn,
        CachedColumn,
        OutputColumn,
        ReasoningColumn,
        TierColumn,
        CostColumn,
        StatusColumn,
        RequestColumnCount
    };
    // Columns of the three totals tables.
    enum TotalColumn {
        KeyColumn,
        RequestsColumn,
        TotalInputColumn,
        TotalCachedColumn,
        TotalOutputColumn,
        TotalReasoningColumn,
        TotalCostColumn,
        TotalColumnCount
    };

    explicit UsageView(QWidget* parent = nullptr);

    // The ledger to show (not owned; it must outlive the view or be replaced first). nullptr = empty.
    void setLedger(store::UsageLedger* ledger);
    // How conversations are named (the window looks titles up in its store). Without it, or when it
    // answers "", a conversation shows as "Conversation #id".
    void setConversationTitles(std::function<QString(qint64)> titleOf);
    // The zone of the times shown, of the days totals are grouped by, and of the CSV; the person's
    // local zone by default.
    void setTimeZone(const QTimeZone& zone);

    // Lists that conversation's requests; 0 = every request, those without a conversation included.
    void setConversation(qint64 conversationId);
    qint64 conversation() const { return m_conversationId; }
    // Reads the ledger again (after a request was recorded, or when the view is shown).
    void refresh();

    // The requests listed now, oldest first (what Export writes).
    const std::vector<store::LedgerEntry>& shownEntries() const { return m_entries; }
    // Writes shownEntries() as CSV (UsageLedger::toCsv in the view's zone) to `path`, atomically.
    bool exportCsv(const QString& path, QString* error = nullptr) const;

    // For tests and screenshots.
    QComboBox* conversationPicker() const { return m_picker; }
    QPushButton* exportButton() const { return m_exportButton; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableWidget* requestsTable() const { return m_requests; }
    QTableWidget* conversationTotalsTable() const { return m_perConversation; }
    QTableWidget* dayTotalsTable() const { return m_perDay; }
    QTableWidget* modelTotalsTable() const { return m_perModel; }
    QLabel* totalsLabel() const { return m_totals; }

    // "Chat", "Retry", "Tool round"... for a ledger kind id (unknown ids as written).
    static QString kindDisplayName(const QString& kind);
    // A ledger total's cost in its currency, "unknown" for the rows without a price, and a note
    // when some of the rows are unpriced.
    static QString totalCostText(const store::LedgerTotal& total);

public slots:
    // Asks where to save (a file dialog) and exports; a failure is shown in a message box.
    void exportWithDialog();

signals:
    void exported(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillPicker();
    void fillRequests();
    void fillTotals(QTableWidget* table, const std::vector<store::LedgerTotal>& totals,
                    bool keysAreConversations);
    void fillTotalsLabel();
    QString conversationName(qint64 id) const;
    QString timeText(const QDateTime& utc) const;

    store::UsageLedger* m_ledger = nullptr;
    std::function<QString(qint64)> m_titleOf;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    qint64 m_conversationId = 0;
    std::vector<store::LedgerEntry> m_entries;
    bool m_fillingPicker = false;

    QLabel* m_pickerLabel = nullptr;
    QComboBox* m_picker = nullptr;
    QPushButton* m_exportButton = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_requests = nullptr;
    QLabel* m_totals = nullptr;
    QTableWidget* m_perConversation = nullptr;
    QTableWidget* m_perDay = nullptr;
    QTableWidget* m_perModel = nullptr;
};

} // namespace ark::ui
