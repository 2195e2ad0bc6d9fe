// OutgoingFrame: the bytes written to every recipient must be a valid RFC 6455 server text frame.
#include "core/OutgoingFrame.h"

#include <QTest>

using chat::server::OutgoingFrame;

class OutgoingFrameTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void framesAreFinalUnmaskedTextWithTheirLength_data()
    {
        QTest::addColumn<int>("payloadSize");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << 0 << QByteArray::fromHex("8100");
        QTest::newRow("125 bytes, 7-bit length") << 125 << QByteArray::fromHex("817d");
        QTest::newRow("126 bytes, 16-bit length") << 126 << QByteArray::fromHex("817e007e");
        QTest::newRow("65535 bytes, 16-bit length") << 65535 << QByteArray::fromHex("817effff");
        QTest::newRow("65536 bytes, 64-bit length") << 65536 << QByteArray::fromHex("817f0000000000010000");
    }
    void framesAreFinalUnmaskedTextWithTheirLength()
    {
        QFETCH(int, payloadSize);
        QFETCH(QByteArray, header);
        const QByteArray json(payloadSize, 'x');
        const OutgoingFrame frame(json);
        QCOMPARE(frame.json(), json);
        QCOMPARE(frame.wire().left(header.size()), header);
        QCOMPARE(frame.wire().mid(header.size()), json);
    }

    void utf8PayloadIsCountedInBytes()
    {
        const QByteArray json = QStringLiteral("{\"body\":\"héllo ✓\"}").toUtf8();
        const OutgoingFrame frame(json);
        QCOMPARE(quint8(frame.wire().at(1)), quint8(json.size()));
        QCOMPARE(frame.wire().mid(2), json);
    }
};

QTEST_GUILESS_MAIN(OutgoingFrameTest)
#include "tst_outgoingframe.moc"
