#include "DeprecationBanner.h"

#include "models/ModelCatalogModel.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ark::ui {

using catalog::LifecycleState;

namespace {

const QString kDismissedKey = QStringLiteral("catalog/retiringNoticeDismissed");

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString linkHtml(const QString& url, const QString& label)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(url), esc(label));
}

// The model a banner or warning is about, as the person knows it.
QString modelLabel(const QString& id, const QString& resolved, const catalog::EndpointRegistry* endpoints)
{
    if (endpoints && endpoints->endpoint(id)) {
        if (resolved.isEmpty())
            return endpoints->displayName(id);
        return QCoreApplication::translate("ark::ui::DeprecationBanner", "%1 (endpoint serving %2)")
            .arg(endpoints->displayName(id), resolved);
    }
    return id;
}

QString resolve(const QString& id, const catalog::EndpointRegistry* endpoints)
{
    return endpoints ? endpoints->resolvedModelId(id) : id.trimmed();
}

std::optional<catalog::ServerSignal> signalFor(const catalog::ServerSignals* serverSignals, const QString& id,
                                               const QString& resolved)
{
    if (!serverSignals)
        return std::nullopt;
    std::optional<catalog::ServerSignal> signal = serverSignals->signalFor(id);
    if (!signal && !resolved.isEmpty() && resolved != id)
        signal = serverSignals->signalFor(resolved);
    return signal;
}

} // namespace

// ---- DeprecationBanner --------------------------------------------------------------------------

DeprecationBanner::DeprecationBanner(QWidget* parent)
    : QFrame(parent), m_catalog(catalog::Catalog::bundled()), m_icon(new QLabel(this)),
      m_text(new QLabel(this)), m_switch(new QPushButton(this)), m_choose(new QPushButton(this)),
      m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("deprecationBanner"));
    setFrameShape(QFrame::StyledPanel);

    m_text->setObjectName(QStringLiteral("deprecationText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_switch->setObjectName(QStringLiteral("switchModelButton"));
    m_choose->setObjectName(QStringLiteral("chooseModelButton"));
    m_choose->setText(tr("Choose Another Model…"));
    m_dismiss->setObjectName(QStringLiteral("dismissBanner"));
    m_dismiss->setText(QStringLiteral("✕"));
    m_dismiss->setAutoRaise(true);
    m_dismiss->setToolTip(tr("Hide this notice for this conversation"));
    m_dismiss->setAccessibleName(tr("Hide notice"));

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_switch);
    buttons->addWidget(m_choose);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 6, 8);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);

    connect(m_switch, &QPushButton::clicked, this, [this] {
        if (!m_replacement.isEmpty())
            emit switchRequested(m_model, m_replacement);
    });
    connect(m_choose, &QPushButton::clicked, this, &DeprecationBanner::chooseModelRequested);
    connect(m_dismiss, &QToolButton::clicked, this, [this] {
        m_dismissedVariant = m_variant;
        hide();
    });
    hide();
}

void DeprecationBanner::setSources(std::shared_ptr<const catalog::Catalog> catalog,
                                   catalog::EndpointRegistry* endpoints,
                                   catalog::ServerSignals* serverSignals)
{
    if (m_endpoints)
        disconnect(m_endpoints, nullptr, this, nullptr);
    if (m_signals)
        disconnect(m_signals, nullptr, this, nullptr);
    m_catalog = catalog ? std::move(catalog) : catalog::Catalog::bundled();
    m_endpoints = endpoints;
    m_signals = serverSignals;
    if (m_endpoints)
        connect(m_endpoints, &catalog::EndpointRegistry::changed, this, &DeprecationBanner::reevaluate);
    if (m_signals)
        connect(m_signals, &catalog::ServerSignals::changed, this, &DeprecationBanner::reevaluate);
    reevaluate();
}

void DeprecationBanner::setNow(const QDateTime& now)
{
    m_now = now;
    reevaluate();
}

void DeprecationBanner::setModel(const QString& modelOrEndpointId)
{
    const QString id = modelOrEndpointId.trimmed();
    if (id != m_model) {
        m_model = id;
        m_live.reset();
        m_dismissedVariant = Variant::Hidden;
    }
    reevaluate();
}

void DeprecationBanner::showServerNotice(const QString& modelOrEndpointId,
                                         const api::DeprecationNotice& notice)
{
    if (notice.isEmpty() ||
        catalog::Catalog::normalizedId(modelOrEndpointId) != catalog::Catalog::normalizedId(m_model))
        return;
    if (m_live && m_live->gone && !notice.gone)
        return; // a 410 is final: later headers do not soften it
    m_live = notice;
    reevaluate();
}

std::optional<api::DeprecationNotice> DeprecationBanner::serverNotice() const
{
    if (m_live)
        return m_live;
    const std::optional<catalog::ServerSignal> signal =
        signalFor(m_signals, m_model, resolve(m_model, m_endpoints));
    if (signal)
        return signal->notice();
    return std::nullopt;
}

DeprecationBanner::Content DeprecationBanner::catalogContent(const QString& resolved,
                                                             const QDateTime& now) const
{
    Content content;
    const catalog::ModelInfo* info = resolved.isEmpty() ? nullptr : m_catalog->find(resolved);
    if (!info)
        return content;
    const catalog::LifecycleStatus status = m_catalog->statusAt(info->id, now);
    const catalog::LifecycleInfo& lifecycle = info->lifecycle;
    const QString name = esc(modelLabel(m_model, info->id, m_endpoints));
    switch (status.state) {
    case LifecycleState::Deprecated:
        content.variant = Variant::Deprecated;
        content.title = tr("%1 is being retired").arg(name);
        break;
    case LifecycleState::EndOfSale:
        content.variant = Variant::EndOfSale;
        content.title = tr("%1 is past its end of sale").arg(name);
        break;
    case LifecycleState::Retired:
        content.variant = Variant::Retired;
        content.title =
            status.autoReplaced && !status.autoReplacement.isEmpty()
                ? tr("%1 is retired: its requests are answered by %2").arg(name, esc(status.autoReplacement))
                : tr("%1 is retired: requests to it fail").arg(name);
        break;
    case LifecycleState::Unknown:
    case LifecycleState::Active:
    case LifecycleState::Legacy:
        return content;
    }
    content.lines << esc(catalog::describeStatus(status, now));

    QStringList dates;
    if (status.notice.isValid())
        dates << tr("announced %1").arg(catalog::formatInZone(status.notice));
    if (status.eom.isValid())
        dates << tr("end of sale %1").arg(catalog::formatInZone(status.eom));
    if (status.eos.isValid())
        dates << tr("end of service %1").arg(catalog::formatInZone(status.eos));
    if (!dates.isEmpty())
        content.lines << esc(tr("Dates: %1").arg(dates.join(QStringLiteral("; "))));
    if (status.state == LifecycleState::EndOfSale)
        content.lines << esc(tr("Existing endpoints still serve it, but no new endpoints can be created."));
    if (status.state != LifecycleState::Retired && status.eos.isValid()) {
        const QString autoTo =
            lifecycle.autoReplacement.isEmpty() ? lifecycle.replacement : lifecycle.autoReplacement;
        content.lines << esc(lifecycle.autoReplacedAtEos && !autoTo.isEmpty()
                                 ? tr("After the end of service its requests are answered by %1.").arg(autoTo)
                                 : tr("After the end of service, requests to it fail."));
    }
    if (!lifecycle.reason.isEmpty())
        content.lines << esc(tr("Reason: %1").arg(lifecycle.reason));
    content.replacement =
        status.state == LifecycleState::Retired && status.autoReplaced && !status.autoReplacement.isEmpty()
            ? status.autoReplacement
            : status.replacement;
    if (content.replacement.isEmpty() && !lifecycle.alternatives.isEmpty())
        content.lines << esc(tr("Candidates: %1").arg(lifecycle.alternatives.join(QStringLiteral(", "))));
    return content;
}

DeprecationBanner::Content DeprecationBanner::serverContent(const api::DeprecationNotice& notice,
                                                            const QString& catalogReplacement,
                                                            const QDateTime& now) const
{
    Content content;
    const QString resolved = resolve(m_model, m_endpoints);
    const QString name = esc(modelLabel(m_model, resolved, m_endpoints));
    if (notice.gone) {
        content.variant = Variant::Gone;
        content.title = tr("%1 is gone: the server answered 410 Gone").arg(name);
        if (!notice.message.isEmpty())
            content.lines << esc(notice.message);
        if (!notice.reason.isEmpty())
            content.lines << esc(tr("Reason: %1").arg(notice.reason));
        if (notice.sunset.isValid())
            content.lines << esc(tr("Sunset: %1").arg(catalog::formatInZone(notice.sunset)));
        content.replacement = notice.replacement.isEmpty() ? catalogReplacement : notice.replacement;
        if (!content.replacement.isEmpty())
            content.lines << esc(tr("Replacement: %1").arg(content.replacement));
        content.link = notice.migrationUrl.isEmpty() ? notice.link : notice.migrationUrl;
        if (!content.link.isEmpty())
            content.lines << linkHtml(content.link, tr("Migration guide"));
        return content;
    }

    // Deprecation / Sunset / Link headers. A sunset that has passed is a retirement.
    catalog::LifecycleStatus status;
    status.notice = notice.deprecatedSince;
    status.eos = notice.sunset;
    status.replacement = notice.replacement.isEmpty() ? catalogReplacement : notice.replacement;
    const bool pastSunset = notice.sunset.isValid() && now >= notice.sunset;
    status.state = pastSunset ? LifecycleState::Retired : LifecycleState::Deprecated;
    content.variant = pastSunset ? Variant::Retired : Variant::ServerNotice;
    content.title = pastSunset ? tr("The server reports that %1 was retired").arg(name)
                               : tr("The server reports that %1 is deprecated").arg(name);
    if (notice.sunset.isValid())
        content.lines << esc(catalog::describeStatus(status, now));
    else if (!notice.sunsetText.isEmpty())
        content.lines << esc(tr("Sunset: %1").arg(notice.sunsetText));
    if (notice.deprecatedSince.isValid())
        content.lines << esc(tr("Deprecated since %1").arg(catalog::formatInZone(notice.deprecatedSince)));
    content.replacement = status.replacement;
    content.link = notice.link;
    if (!content.link.isEmpty())
        content.lines << linkHtml(content.link, tr("The provider's deprecation notice"));
    return content;
}

void DeprecationBanner::reevaluate()
{
    if (m_model.isEmpty()) {
        present(Content{});
        return;
    }
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    Content content = catalogContent(resolve(m_model, m_endpoints), now);
    if (const std::optional<api::DeprecationNotice> notice = serverNotice()) {
        const Content server = serverContent(*notice, content.replacement, now);
        if (server.variant == Variant::Gone || content.variant == Variant::Hidden ||
            (server.variant == Variant::Retired && content.variant != Variant::Retired)) {
            content = server;
        } else {
            // The catalog already says as much; the server's own words and link are added to it.
            QString said = notice->summary();
            content.lines << esc(tr("The server also reports: %1").arg(said));
            if (!server.link.isEmpty()) {
                content.link = server.link;
                content.lines << linkHtml(server.link, tr("The provider's deprecation notice"));
            }
        }
    }
    present(content);
}

void DeprecationBanner::present(const Content& content)
{
    m_variant = content.variant;
    m_title = QTextDocumentFragment::fromHtml(content.title).toPlainText();
    m_replacement = content.replacement;
    m_link = content.link;
    if (content.variant == Variant::Hidden || content.variant == m_dismissedVariant) {
        hide();
        return;
    }
    QString html = QStringLiteral("<b>%1</b>").arg(content.title);
    for (const QString& line : content.lines)
        html += QStringLiteral("<br>") + line;
    m_text->setText(html);
    m_switch->setVisible(!m_replacement.isEmpty());
    m_switch->setText(tr("Switch to %1").arg(m_replacement));
    m_switch->setToolTip(tr("Keep this conversation and send its next messages to %1").arg(m_replacement));
    m_choose->setVisible(m_replacement.isEmpty());
    // Retired and gone are facts, not news: they stay until the model changes.
    m_dismiss->setVisible(m_variant != Variant::Retired && m_variant != Variant::Gone);
    applyStyle(m_variant);
    QFrame::show();
}

void DeprecationBanner::applyStyle(Variant variant)
{
    QString background = QStringLiteral("#fff8e1"), border = QStringLiteral("#e0a526"),
            text = QStringLiteral("#4a3500");
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxWarning;
    if (variant == Variant::EndOfSale) {
        background = QStringLiteral("#fff1e6");
        border = QStringLiteral("#dd6b20");
        text = QStringLiteral("#4a2300");
    } else if (variant == Variant::Retired || variant == Variant::Gone) {
        background = QStringLiteral("#fdecea");
        border = QStringLiteral("#e53e3e");
        text = QStringLiteral("#5c1a1a");
        icon = QStyle::SP_MessageBoxCritical;
    }
    // Fixed text colours: the pastel backgrounds must stay readable under a dark theme too.
    setStyleSheet(
        QStringLiteral("QFrame#deprecationBanner { background: %1; border: %4 solid %2; border-radius: 6px; }"
                       " QFrame#deprecationBanner QLabel { color: %3; background: transparent; }")
            .arg(background, border, text,
                 variant == Variant::Gone ? QStringLiteral("2px") : QStringLiteral("1px")));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize) + 8;
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
}

QString DeprecationBanner::title() const
{
    return m_variant == Variant::Hidden ? QString() : m_title;
}

QString DeprecationBanner::text() const
{
    if (m_variant == Variant::Hidden)
        return {};
    return QTextDocumentFragment::fromHtml(m_text->text()).toPlainText();
}

// ---- Before sending -----------------------------------------------------------------------------

QString retiredSendWarning(const catalog::Catalog& catalog, const catalog::EndpointRegistry* endpoints,
                           const catalog::ServerSignals* serverSignals, const QString& modelOrEndpointId,
                           const QDateTime& now)
{
    const QString id = modelOrEndpointId.trimmed();
    const QString resolved = resolve(id, endpoints);
    const QString name = modelLabel(id, resolved, endpoints);
    const char* context = "ark::ui::DeprecationBanner";
    if (const std::optional<catalog::ServerSignal> signal = signalFor(serverSignals, id, resolved)) {
        if (signal->gone) {
            QString text = QCoreApplication::translate(context, "The server answered 410 Gone for %1 on %2.")
                               .arg(name, catalog::formatInZone(signal->goneSeen.toLocalTime()));
            if (!signal->message.isEmpty())
                text += QLatin1Char(' ') + signal->message;
            if (!signal->replacement.isEmpty())
                text += QLatin1Char(' ') + QCoreApplication::translate(context, "Consider switching to %1.")
                                               .arg(signal->replacement);
            return text;
        }
        if (signal->sunset.isValid() && now >= signal->sunset)
            return QCoreApplication::translate(context, "The server announced that %1 stops serving on %2.")
                .arg(name, catalog::formatInZone(signal->sunset));
    }
    const catalog::ModelInfo* info = resolved.isEmpty() ? nullptr : catalog.find(resolved);
    if (!info)
        return {};
    const catalog::LifecycleStatus status = catalog.statusAt(info->id, now);
    if (status.state != LifecycleState::Retired)
        return {};
    if (status.autoReplaced && !status.autoReplacement.isEmpty())
        return QCoreApplication::translate(context,
                                           "%1 was retired on %2. Its requests are answered by %3 instead, "
                                           "which may behave differently.")
            .arg(name, catalog::formatInZone(status.eos), status.autoReplacement);
    QString text =
        QCoreApplication::translate(context, "%1 was retired on %2; requests to it are expected to fail.")
            .arg(name, catalog::formatInZone(status.eos));
    if (!status.replacement.isEmpty())
        text += QLatin1Char(' ') +
                QCoreApplication::translate(context, "Consider switching to %1.").arg(status.replacement);
    return text;
}

bool confirmSendToRetired(QWidget* parent, const QString& warning)
{
    if (warning.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning,
                    QCoreApplication::translate("ark::ui::DeprecationBanner", "Retired Model"), warning,
                    QMessageBox::Cancel, parent);
    QPushButton* send = box.addButton(
        QCoreApplication::translate("ark::ui::DeprecationBanner", "Send Anyway"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == send;
}

// ---- "Retiring soon" ----------------------------------------------------------------------------

std::vector<RetiringUse> findRetiringSoon(const catalog::Catalog& catalog, const QDateTime& now,
                                          const std::vector<ModelUse>& uses,
                                          const std::vector<catalog::Endpoint>& endpoints, int days)
{
    std::vector<RetiringUse> found;
    const QDateTime limit = now.addDays(days);
    const auto consider = [&](const ModelUse& use) {
        QString resolved = use.modelId.trimmed();
        if (catalog::EndpointRegistry::isEndpointId(resolved)) {
            const auto ep = std::find_if(endpoints.begin(), endpoints.end(),
                                         [&](const catalog::Endpoint& e) { return e.id == resolved; });
            if (ep == endpoints.end())
                return; // an endpoint nobody linked: nothing is known about its model
            resolved = ep->modelId;
        }
        const catalog::ModelInfo* info = resolved.isEmpty() ? nullptr : catalog.find(resolved);
        if (!info)
            return;
        const catalog::LifecycleStatus status = catalog.statusAt(info->id, now);
        if (status.state == LifecycleState::Retired || !status.eos.isValid() || status.eos > limit)
            return;
        found.push_back({use, info->id, status, models::ModelCatalogModel::lifecycleBadge(status, now)});
    };
    for (const ModelUse& use : uses)
        consider(use);
    for (const catalog::Endpoint& ep : endpoints)
        consider({ModelUse::Kind::Endpoint, ep.displayName(), ep.id, 0});
    std::stable_sort(found.begin(), found.end(), [](const RetiringUse& a, const RetiringUse& b) {
        if (a.status.eos != b.status.eos)
            return a.status.eos < b.status.eos;
        if (a.use.kind != b.use.kind)
            return int(a.use.kind) < int(b.use.kind);
        return a.use.title.localeAwareCompare(b.use.title) < 0;
    });
    return found;
}

RetiringSoonDialog::RetiringSoonDialog(std::vector<RetiringUse> entries, QWidget* parent)
    : QDialog(parent), m_entries(std::move(entries)), m_list(new QTreeWidget(this)),
      m_dontRemind(new QCheckBox(this))
{
    setObjectName(QStringLiteral("retiringSoonDialog"));
    setWindowTitle(tr("Models Retiring Soon"));
    resize(820, 360);

    auto* intro = new QLabel(tr("These conversations and endpoints use models that stop serving soon. "
                                "Open a conversation to switch its model with one click; link an endpoint to "
                                "a newer model in the console and in the model catalog."),
                             this);
    intro->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("retiringList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("What"), tr("Name"), tr("Model"), tr("Retires")});
    for (const RetiringUse& entry : m_entries) {
        QString kind;
        switch (entry.use.kind) {
        case ModelUse::Kind::Conversation:
            kind = tr("Conversation");
            break;
        case ModelUse::Kind::Endpoint:
            kind = tr("Endpoint");
            break;
        case ModelUse::Kind::Prompt:
            kind = tr("Prompt");
            break;
        }
        const QString model = entry.use.modelId == entry.modelId
                                  ? entry.modelId
                                  : tr("%1 → %2").arg(entry.use.modelId, entry.modelId);
        auto* item = new QTreeWidgetItem(m_list, {kind, entry.use.title, model, entry.text});
        item->setData(0, Qt::UserRole, int(entry.use.kind));
        item->setData(1, Qt::UserRole, entry.use.id);
        item->setToolTip(3, entry.text);
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        const auto kind = ModelUse::Kind(item->data(0, Qt::UserRole).toInt());
        const qint64 id = item->data(1, Qt::UserRole).toLongLong();
        if (kind != ModelUse::Kind::Endpoint && id != 0)
            emit openRequested(kind, id);
    });

    m_dontRemind->setText(tr("Don't remind me again about these"));
    auto* box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_dontRemind);
    layout->addWidget(box);
}

QString RetiringSoonDialog::signature(const std::vector<RetiringUse>& entries)
{
    QStringList parts;
    for (const RetiringUse& entry : entries)
        parts << QStringLiteral("%1|%2|%3|%4|%5")
                     .arg(int(entry.use.kind))
                     .arg(entry.use.id)
                     .arg(entry.use.modelId, entry.modelId, entry.status.eos.toUTC().toString(Qt::ISODate));
    parts.sort();
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha1).toHex());
}

bool RetiringSoonDialog::shouldShow(const std::vector<RetiringUse>& entries)
{
    return !entries.empty() && QSettings().value(kDismissedKey).toString() != signature(entries);
}

RetiringSoonDialog* RetiringSoonDialog::showIfNeeded(const std::vector<RetiringUse>& entries, QWidget* parent)
{
    if (!shouldShow(entries))
        return nullptr;
    auto* dialog = new RetiringSoonDialog(entries, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void RetiringSoonDialog::done(int result)
{
    // A new conversation on a retiring model, or a date that moved, changes the signature: the
    // notice comes back for news, not for what the person already acknowledged.
    if (m_dontRemind->isChecked())
        QSettings().setValue(kDismissedKey, signature(m_entries));
    QDialog::done(result);
}

} // namespace ark::ui
