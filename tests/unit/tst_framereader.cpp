#include "core/FrameReader.h"

#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

using chat::server::FrameReader;

namespace {

// A frame as a client sends it: masked (RFC 6455 5.3).
QByteArray clientFrame(quint8 opcode, const QByteArray& payload, bool final = true)
{
    QByteArray frame;
    frame.append(char((final ? 0x80 : 0x00) | opcode));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        char length[2];
        qToBigEndian<quint16>(quint16(payload.size()), length);
        frame.append(length, 2);
    }
    const char mask[4] = { 0x11, 0x22, 0x33, 0x44 };
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    return frame;
}

constexpr qint64 Limit = 1024;

} // namespace

class FrameReaderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void messagesArriveWholeHoweverTheBytesAreCut()
    {
        const QByteArray text = QStringLiteral("caf\u00e9 \u20ac \U0001F600").toUtf8();
        const QByteArray wire = clientFrame(0x1, text.left(5), false) + clientFrame(0x9, "ping")
            + clientFrame(0x0, text.mid(5, 3), false) + clientFrame(0x0, text.mid(8), true);
        FrameReader reader(Limit);
        QSignalSpy messages(&reader, &FrameReader::textMessageReceived);
        QSignalSpy pings(&reader, &FrameReader::pingReceived);
        QSignalSpy errors(&reader, &FrameReader::protocolError);
        for (char byte : wire)
            reader.feed(QByteArray(1, byte));
        QCOMPARE(errors.count(), 0);
        QCOMPARE(pings.count(), 1);
        QCOMPARE(messages.count(), 1);
        QCOMPARE(messages.at(0).at(0).toByteArray(), text);
    }

    void refusesWhatRfc6455Forbids_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("closeCode");
        QTest::newRow("invalid UTF-8") << clientFrame(0x1, "a\xff") << 1007;
        QTest::newRow("ends inside a character") << clientFrame(0x1, "a\xe2\x82") << 1007;
        QTest::newRow("encoded surrogate") << clientFrame(0x1, "\xed\xa0\x80") << 1007;
        QTest::newRow("unmasked") << QByteArray("\x81\x01x", 3) << 1002;
        QTest::newRow("reserved bit") << QByteArray("\xc1\x80\x00\x00\x00\x00", 6) << 1002;
        QTest::newRow("reserved opcode") << clientFrame(0x3, "x") << 1002;
        QTest::newRow("reserved control opcode") << clientFrame(0xb, "x") << 1002;
        QTest::newRow("continuation without a start") << clientFrame(0x0, "x") << 1002;
        QTest::newRow("new message inside one") << clientFrame(0x1, "a", false) + clientFrame(0x1, "b") << 1002;
        QTest::newRow("fragmented ping") << clientFrame(0x9, "p", false) << 1002;
        QTest::newRow("ping over 125 bytes") << clientFrame(0x9, QByteArray(126, 'p')) << 1002;
        QTest::newRow("frame over the limit") << clientFrame(0x1, QByteArray(Limit + 1, ' ')) << 1009;
        QTest::newRow("fragments over the limit")
            << clientFrame(0x1, QByteArray(Limit, ' '), false) + clientFrame(0x0, " ") << 1009;
        // Refused from the header alone, before any of the payload is there.
        QTest::newRow("2^63 bytes announced") << QByteArray("\x81\xff\x80\x00\x00\x00\x00\x00\x00\x00", 10) << 1009;
    }
    void refusesWhatRfc6455Forbids()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, closeCode);
        FrameReader reader(Limit);
        QSignalSpy messages(&reader, &FrameReader::textMessageReceived);
        QSignalSpy errors(&reader, &FrameReader::protocolError);
        reader.feed(wire);
        reader.feed(clientFrame(0x1, "after the error, nothing counts"));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toInt(), closeCode);
        QCOMPARE(messages.count(), 0);
    }

    void closeFrameEndsReading()
    {
        FrameReader reader(Limit);
        QSignalSpy closes(&reader, &FrameReader::closeReceived);
        QSignalSpy messages(&reader, &FrameReader::textMessageReceived);
        reader.feed(clientFrame(0x8, QByteArray("\x03\xe9", 2)) + clientFrame(0x1, "late"));
        QCOMPARE(closes.count(), 1);
        QCOMPARE(closes.at(0).at(0).toInt(), 1001);
        QCOMPARE(messages.count(), 0);
    }
};

QTEST_GUILESS_MAIN(FrameReaderTest)
#include "tst_framereader.moc"
