#include "core/ProxyHeader.h"

#include <QTest>

using namespace chat::server;

class ProxyHeaderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headersNameTheClientOrAreRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("client");
        QTest::newRow("tcp4") << QByteArray("PROXY TCP4 203.0.113.7 10.0.0.2 51234 7447\r\n") << true
                              << QStringLiteral("203.0.113.7");
        QTest::newRow("tcp6") << QByteArray("PROXY TCP6 2001:db8::1 2001:db8::2 51234 7447\r\n") << true
                              << QStringLiteral("2001:db8::1");
        QTest::newRow("unknown (health checks)") << QByteArray("PROXY UNKNOWN\r\n") << true << QString();
        QTest::newRow("unknown with addresses")
            << QByteArray("PROXY UNKNOWN ffff::1 ffff::2 1 2\r\n") << true << QString();
        QTest::newRow("no CRLF") << QByteArray("PROXY TCP4 203.0.113.7 10.0.0.2 51234 7447\n") << false << QString();
        QTest::newRow("an HTTP request instead") << QByteArray("GET / HTTP/1.1\r\n") << false << QString();
        QTest::newRow("lower case") << QByteArray("proxy TCP4 203.0.113.7 10.0.0.2 1 2\r\n") << false << QString();
        QTest::newRow("v4 address under TCP6")
            << QByteArray("PROXY TCP6 203.0.113.7 10.0.0.2 1 2\r\n") << false << QString();
        QTest::newRow("hostname") << QByteArray("PROXY TCP4 example.org 10.0.0.2 1 2\r\n") << false << QString();
        QTest::newRow("port too big") << QByteArray("PROXY TCP4 203.0.113.7 10.0.0.2 65536 2\r\n") << false
                                      << QString();
        QTest::newRow("signed port") << QByteArray("PROXY TCP4 203.0.113.7 10.0.0.2 +1 2\r\n") << false << QString();
        QTest::newRow("missing field") << QByteArray("PROXY TCP4 203.0.113.7 10.0.0.2 1\r\n") << false << QString();
        QTest::newRow("IPv6 scope (found by fuzz_proxy_header)")
            << QByteArray("PROXY TCP6 fe80::1%eth0 ::1 1 2\r\n") << false << QString();
        QTest::newRow("too long") << QByteArray("PROXY TCP4 " + QByteArray(120, '1') + "\r\n") << false << QString();
        QTest::newRow("v2 signature") << QByteArray("\r\n\r\n\0\r\nQUIT\n", 12) << false << QString();
    }
    void headersNameTheClientOrAreRefused()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, valid);
        QFETCH(QString, client);
        const std::optional<QHostAddress> parsed = ProxyHeader::parse(line);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(parsed->isNull() ? QString() : parsed->toString(), client);
    }
};

QTEST_GUILESS_MAIN(ProxyHeaderTest)
#include "tst_proxyheader.moc"
