// Warnings about the model a conversation uses:
// - DeprecationBanner: a bar above the conversation when its model is deprecated, past end of sale
//   or retired (from the catalog, with the dates and the reason), or when a server said so at run
//   time (Deprecation / Sunset / Link headers: the server's dates and link). A 410 Gone turns it
//   into an error card with the server's message, replacement and migration link. One click on
//   "Switch to <replacement>" asks the window to switch the conversation (switchRequested()).
// - retiredSendWarning() / confirmSendToRetired(): the question asked before sending to a retired model.
// - findRetiringSoon() / RetiringSoonDialog: the start-up notice listing conversations, endpoints
//   and prompts whose model retires within 30 days.
#pragma once

#include "api/Deprecation.h"
#include "catalog/Catalog.h"
#include "catalog/EndpointRegistry.h"
#include "catalog/ServerSignals.h"

#include <QDateTime>
#include <QDialog>
#include <QFrame>
#include <QPointer>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QToolButton;
class QTreeWidget;

namespace ark::ui {

class DeprecationBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Variant {
        Hidden,
        Deprecated,   // catalog: retirement announced
        EndOfSale,    // catalog: past EOM, still serving
        Retired,      // catalog: past EOS (or a server Sunset that has passed)
        ServerNotice, // the server's Deprecation/Sunset/Link headers, the catalog knowing nothing worse
        Gone,         // the server answered 410 Gone: the error card
    };
    Q_ENUM(Variant)

    explicit DeprecationBanner(QWidget* parent = nullptr);

    // Where facts come from; none is owned. catalog nullptr = the bundled one. Without `signals`
    // only notices given to showServerNotice() are known. A change in the registry or the signals
    // re-evaluates the banner.
    void setSources(std::shared_ptr<const catalog::Catalog> catalog, catalog::EndpointRegistry* endpoints,
                    catalog::ServerSignals* serverSignals);
    // Invalid (the default) = the current time at each evaluation; tests inject one.
    void setNow(const QDateTime& now);

    // The conversation's model (or endpoint) changed: shows or hides the banner. A different id
    // forgets a dismissal and any notice given to showServerNotice() for the previous one.
    void setModel(const QString& modelOrEndpointId);
    QString model() const { return m_model; }
    // A runtime signal for `modelOrEndpointId` (the request's model), for when no ServerSignals
    // store is wired; with one, recording the notice there has the same effect. Ignored when it is
    // not about the banner's model.
    void showServerNotice(const QString& modelOrEndpointId, const api::DeprecationNotice& notice);
    void reevaluate(); // e.g. once an hour, so "retires in 4 days" stays true

    Variant variant() const { return m_variant; }
    QString title() const;                                // plain text of the first line
    QString text() const;                                 // plain text of everything the banner says
    QString replacement() const { return m_replacement; } // "" = no one-click switch
    QString link() const { return m_link; }               // the server's or catalog's link, "" = none

    // For tests.
    QLabel* textLabel() const { return m_text; }
    QPushButton* switchButton() const { return m_switch; }
    QPushButton* chooseButton() const { return m_choose; }
    QToolButton* dismissButton() const { return m_dismiss; }

signals:
    // "Switch to <replacement>": the window switches the conversation's model (keeping it) and
    // records the switch in its history.
    void switchRequested(const QString& fromModel, const QString& toModel);
    // No replacement is known: the window opens the model switcher.
    void chooseModelRequested();

private:
    struct Content
    {
        Variant variant = Variant::Hidden;
        QString title;
        QStringList lines; // rich text, already escaped
        QString replacement;
        QString link;
    };
    Content catalogContent(const QString& resolved, const QDateTime& now) const;
    Content serverContent(const api::DeprecationNotice& notice, const QString& catalogReplacement,
                          const QDateTime& now) const;
    std::optional<api::DeprecationNotice> serverNotice() const;
    void present(const Content& content);
    void applyStyle(Variant variant);

    std::shared_ptr<const catalog::Catalog> m_catalog;
    QPointer<catalog::EndpointRegistry> m_endpoints;
    QPointer<catalog::ServerSignals> m_signals;
    QDateTime m_now;
    QString m_model;
    std::optional<api::DeprecationNotice> m_live; // from showServerNotice(), for m_model
    Variant m_variant = Variant::Hidden;
    Variant m_dismissedVariant = Variant::Hidden;
    QString m_title;
    QString m_replacement;
    QString m_link;

    QLabel* m_icon;
    QLabel* m_text;
    QPushButton* m_switch;
    QPushButton* m_choose;
    QToolButton* m_dismiss;
};

// The warning asked before sending to a retired model; "" when the model is not retired (send
// without asking). A 410 recorded in `serverSignals` counts as retired. Translated.
QString retiredSendWarning(const catalog::Catalog& catalog, const catalog::EndpointRegistry* endpoints,
                           const catalog::ServerSignals* serverSignals, const QString& modelOrEndpointId,
                           const QDateTime& now = QDateTime::currentDateTimeUtc());
// Asks "Send anyway?" with `warning`; true = send. Returns true at once for an empty warning.
bool confirmSendToRetired(QWidget* parent, const QString& warning);

// ---- "Retiring soon" ----------------------------------------------------------------------------

struct ModelUse
{
    enum class Kind { Conversation, Endpoint, Prompt };
    Kind kind = Kind::Conversation;
    QString title;   // conversation title, endpoint name, prompt name
    QString modelId; // as used: a model id or an endpoint id
    qint64 id = 0;   // the conversation's (or prompt's) id, for opening it; 0 for endpoints
};

struct RetiringUse
{
    ModelUse use;
    QString modelId;                 // the catalog model behind it (an endpoint's link)
    catalog::LifecycleStatus status; // at `now`
    QString text; // the switcher's badge: "retires in 4 days — 2025-11-27 14:00 UTC+8", translated
};

// Every use whose model stops serving within `days` after `now` (not those already retired: their
// conversations show the banner). `endpoints` resolves ep- ids in `uses` and is listed itself (each
// endpoint is a use of its linked model). Sorted by retirement date, then kind and title.
std::vector<RetiringUse> findRetiringSoon(const catalog::Catalog& catalog, const QDateTime& now,
                                          const std::vector<ModelUse>& uses,
                                          const std::vector<catalog::Endpoint>& endpoints = {},
                                          int days = 30);

class RetiringSoonDialog : public QDialog
{
    Q_OBJECT
public:
    RetiringSoonDialog(std::vector<RetiringUse> entries, QWidget* parent = nullptr);

    const std::vector<RetiringUse>& entries() const { return m_entries; }
    QTreeWidget* list() const { return m_list; }
    QCheckBox* dontRemindBox() const { return m_dontRemind; }

    // False when `entries` is empty or the person asked not to be reminded of exactly these.
    static bool shouldShow(const std::vector<RetiringUse>& entries);
    // Shows the dialog (non-modal, deleted on close) when shouldShow(); nullptr otherwise.
    static RetiringSoonDialog* showIfNeeded(const std::vector<RetiringUse>& entries, QWidget* parent);

signals:
    // The person double-clicked a conversation (or prompt) in the list.
    void openRequested(ark::ui::ModelUse::Kind kind, qint64 id);

protected:
    void done(int result) override; // remembers "don't remind me" for this set

private:
    static QString signature(const std::vector<RetiringUse>& entries);

    std::vector<RetiringUse> m_entries;
    QTreeWidget* m_list;
    QCheckBox* m_dontRemind;
};

} // namespace ark::ui
