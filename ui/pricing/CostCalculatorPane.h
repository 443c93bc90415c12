// The cost calculator: pick one or more models from the catalog, paste a text (counted for each
// model with the tokenization API, or estimated) or type token counts (input, cached, output), and
// see each model's cost side by side with the tier that applies and where the next tier boundary
// is. Amounts stay in each model's own currency; nothing is ever summed across currencies.
#pragma once

#include "catalog/Catalog.h"
#include "pricing/PriceTable.h"
#include "pricing/TokenCounter.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace ark::ui {

class CostCalculatorPane : public QWidget
{
    Q_OBJECT
public:
    enum class InputSource { Tokens, Text };

    // One selected model's answer.
    struct Result
    {
        QString modelId;
        QString displayName;
        pricing::TokenCounts counts; // what was priced (input from the text's count in Text mode)
        bool exact = true;           // false: the input is the offline estimate ("≈")
        bool counting = false;       // the exact count of the text is still on its way
        QString note;                // why the count is an estimate; "" when exact
        pricing::CostBreakdown cost;
        QString nextBoundary; // where the next tier starts, in words ("" when not priced)
    };

    // Rows of resultsTable(); each selected model is one column, so models sit side by side.
    enum Row {
        InputRow,
        CachedRow,
        OutputRow,
        TierRow,
        InputCostRow,
        CachedCostRow,
        OutputCostRow,
        TotalRow,
        NextTierRow,
        RowCount
    };

    explicit CostCalculatorPane(QWidget* parent = nullptr);

    // The models offered: every model with a token price. Keeps the selection where ids still exist.
    void setCatalog(std::shared_ptr<const catalog::Catalog> catalog);
    // Counts pasted text (not owned; its countNow() is used, so it may be shared). nullptr = estimates.
    void setTokenCounter(pricing::TokenCounter* counter);
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); } // typing pause before counting; 500

    void setSelectedModels(const QStringList& ids); // unknown ids are ignored
    QStringList selectedModels() const;             // in the catalog's order

    void setInputSource(InputSource source);
    InputSource inputSource() const { return m_source; }
    void setText(const QString& text);
    QString text() const;
    // Token mode's input (prompt_tokens: cached included), cached and output (reasoning included).
    void setTokenCounts(qint64 input, qint64 cached, qint64 output);

    const std::vector<Result>& results() const { return m_results; }
    // "Cheapest in CNY: …; in USD: …", one part per currency.
    QString summary() const;

    // For tests and screenshots.
    QListWidget* modelList() const { return m_modelList; }
    QTableWidget* resultsTable() const { return m_table; }
    QPlainTextEdit* textEdit() const { return m_text; }
    QLabel* summaryLabel() const { return m_summary; }

    // Where the tier that applies to `counts` ends, in words; "" when no tier applies.
    static QString nextBoundaryText(const pricing::PriceTable& prices, const pricing::TokenCounts& counts);

signals:
    void resultsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslate();
    void fillModelList();
    void applyFilter();
    void onTextChanged();
    void countText();
    void recompute();
    void fillTable();
    const catalog::ModelInfo* model(const QString& id) const;

    std::shared_ptr<const catalog::Catalog> m_catalog;
    QPointer<pricing::TokenCounter> m_counter;
    QTimer m_debounce;
    InputSource m_source = InputSource::Tokens;
    // Counts of the current text per model id; cleared when the text changes.
    QHash<QString, pricing::TokenCount> m_textCounts;
    QHash<QString, bool> m_countingNow; // model id -> an exact count was asked for the current text
    quint64 m_textGeneration = 0;       // answers for an older text are dropped
    std::vector<Result> m_results;
    bool m_updatingList = false;

    QLabel* m_modelsTitle = nullptr;
    QLineEdit* m_filter = nullptr;
    QListWidget* m_modelList = nullptr;
    QRadioButton* m_tokensRadio = nullptr;
    QRadioButton* m_textRadio = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_countStatus = nullptr;
    QLabel* m_inputLabel = nullptr;
    QLabel* m_cachedLabel = nullptr;
    QLabel* m_outputLabel = nullptr;
    QSpinBox* m_input = nullptr;
    QSpinBox* m_cached = nullptr;
    QSpinBox* m_output = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace ark::ui
