// ark-loopback-server: the loopback Ark server started by hand, so a person can try the app without an
// account. Point the app at the printed base URL with any key; the model name picks the scenario
// (loopback-reasoning, loopback-echo, loopback-tools, loopback-deprecated, loopback-retired,
// loopback-ratelimit, loopback-drop, loopback-badkey, loopback-slow; see LoopbackServer.cpp).
// One line per request is printed; the Authorization header is never printed.
#include "LoopbackServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace {

// The "model" of a JSON body, or "-" when there is none (only for the log line).
QByteArray modelOf(const QByteArray& body)
{
    const auto doc = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_object()) {
        const auto it = doc.find("model");
        if (it != doc.end() && it->is_string())
            return QByteArray::fromStdString(it->get<std::string>()).left(200);
    }
    return "-";
}

// Request lines come from the network: keep control characters out of the terminal.
QByteArray printable(QByteArray text)
{
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    return text;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ark-loopback-server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local server speaking the Volcengine Ark chat protocol with scripted answers, for trying "
        "Ark Workbench without an account. Any API key is accepted."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringList{QStringLiteral("p"), QStringLiteral("port")},
                                        QStringLiteral("Port on 127.0.0.1 to listen on (0: any free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    parser.addOption(portOption);
    parser.process(app);

    QTextStream err(stderr);
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "ark-loopback-server: --port needs a number from 0 to 65535" << Qt::endl;
        return 2;
    }

    ark::testsupport::LoopbackServer server;
    if (!server.listen(static_cast<quint16>(port))) {
        err << "ark-loopback-server: cannot listen on 127.0.0.1:" << port << Qt::endl;
        return 1;
    }

    QTextStream out(stdout);
    out << "Ark loopback server on " << server.baseUrl().toString() << Qt::endl;
    QObject::connect(&server, &ark::testsupport::LoopbackServer::requestReceived,
                     [&out](const ark::testsupport::RecordedRequest& request) {
                         out << printable(request.method) << ' ' << printable(request.path.left(500))
                             << " model=" << printable(modelOf(request.body)) << Qt::endl;
                     });
    return app.exec();
}
