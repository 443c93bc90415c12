// The composer's live line: the draft's tokens, the conversation total (system + history + tools +
// draft), the context window as a fill bar, and what sending now would cost (input exact, output as
// a range up to the max-tokens setting, each possible tier named). Counts come from a TokenCounter
// (exact from the tokenization API, or the offline estimate, then written with "≈"). Over the
// model's input limit the line turns red and says by how much, before anything is sent.
#pragma once

#include "catalog/Catalog.h"
#include "pricing/DraftCost.h"
#include "pricing/TokenCounter.h"

#include <QColor>
#include <QPointer>
#include <QStringList>
#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace ark::ui {

class TokenMeter : public QWidget
{
    Q_OBJECT
public:
    explicit TokenMeter(QWidget* parent = nullptr);

    // Counts go through `counter` (not owned). Its counted() answers its latest request(), so the
    // counter must serve this meter alone. nullptr (the default) = offline estimates only.
    void setTokenCounter(pricing::TokenCounter* counter);
    // The model the draft would be sent to: `modelId` as sent (also what is counted for), `info` its
    // catalog entry (copied) or nullptr when the catalog does not know it (counts only: no limit,
    // no window, no price).
    void setModel(const QString& modelId, const catalog::ModelInfo* info);
    // The rest of the next request. Texts are counted in one batch with the draft; the counter's
    // cache means only what changed costs a call. The tools are counted as their JSON text.
    void setContext(const QString& systemPrompt, const QStringList& history, const QString& toolsJson = {});
    // The conversation's max_tokens (or max_completion_tokens); 0 = not set (the model's maximum
    // output is then the upper end of the output range).
    void setMaxTokens(qint64 maxTokens);
    void setDraft(const QString& text);
    // Tokens of the images and videos attached to the draft (and in the history), estimated from their
    // pixel size and detail by the vision docs' rules; they are added to the draft and mark the counts
    // as estimates. `unknown` counts attachments with no rule (a video without a known duration).
    void setAttachmentTokens(qint64 draftTokens, qint64 historyTokens, int unknown = 0);
    // Follows an editor (the composer's): each change of its text is a setDraft(). One at a time.
    void followEditor(QPlainTextEdit* editor);

    QString modelId() const { return m_modelId; }
    const pricing::DraftTokens& tokens() const { return m_tokens; }
    const pricing::DraftCost& cost() const { return m_cost; }
    bool isEstimate() const { return !m_tokens.exact; }
    bool isOverLimit() const { return m_cost.isOverLimit(); }
    qint64 overLimitTokens() const { return m_cost.overInputLimit; }
    QString estimateNote() const { return m_note; } // why the counts are estimates; "" when exact

    // For tests and screenshots.
    QLabel* countsLabel() const { return m_countsLabel; }
    QProgressBar* fillBar() const { return m_fillBar; }
    QLabel* costLabel() const { return m_costLabel; }
    QLabel* warningLabel() const { return m_warningLabel; }

    // The red of the over-limit state (tests compare label colours against it).
    static QColor warningColor();

signals:
    // New counts arrived and the line shows them.
    void updated();
    // The conversation crossed the model's input limit (the window may disable Send meanwhile).
    void overLimitChanged(bool over);

protected:
    void changeEvent(QEvent* event) override;

private:
    void addMediaTokens();             // onto m_tokens, from the text-only counts
    pricing::DraftTokens m_textTokens; // the last counts of the texts alone
    qint64 m_draftMediaTokens = 0;
    qint64 m_historyMediaTokens = 0;
    int m_unknownMedia = 0;
    void recount();
    void onCounted(const QList<pricing::TokenCount>& counts, qint64 total, bool allExact);
    void apply(const QList<pricing::TokenCount>& counts);
    void refresh(); // recomputes the cost and redraws from m_tokens
    void setWarningStyle(bool warn);
    QString costText() const;
    QString costToolTip() const;

    QPointer<pricing::TokenCounter> m_counter;
    QMetaObject::Connection m_counterConnection;
    QPointer<QPlainTextEdit> m_editor;
    QMetaObject::Connection m_editorConnection;

    QString m_modelId;
    std::optional<catalog::ModelInfo> m_info;
    QString m_system;
    QStringList m_history;
    QString m_tools;
    QString m_draft;
    qint64 m_maxTokens = 0;
    qsizetype m_expectedCounts = -1; // texts in the latest request; answers of another size are stale
    QString m_note;

    pricing::DraftTokens m_tokens;
    pricing::DraftCost m_cost;
    bool m_wasOver = false;

    QLabel* m_countsLabel = nullptr;
    QProgressBar* m_fillBar = nullptr;
    QLabel* m_costLabel = nullptr;
    QLabel* m_warningLabel = nullptr;
};

} // namespace ark::ui
