// The binary side of files (shared/FileTransfer): ids, chunk frames and the cleaning of file names.
#include "FileTransfer.h"

#include <QTest>

using namespace chat;

class FileTransferTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void idsAre32HexCharacters()
    {
        QVERIFY(files::isId(QStringLiteral("0123456789abcdef0123456789ABCDEF")));
        QVERIFY(!files::isId(QStringLiteral("0123456789abcdef0123456789abcde")));
        QVERIFY(!files::isId(QStringLiteral("0123456789abcdef0123456789abcdeg")));
        QVERIFY(!files::isId(QStringLiteral("../../../../etc/passwd0000000000")));
    }

    void chunkFramesRoundTrip()
    {
        const QString id = QStringLiteral("00112233445566778899aabbccddeeff");
        const QByteArray data("hello, world");
        const QByteArray frame = files::encodeChunk(files::ChunkKind::Download, id, 0x0102030405060708ULL, data);
        QCOMPARE(frame.size(), files::ChunkHeaderBytes + data.size());
        QCOMPARE(quint8(frame.at(0)), quint8(0x02));
        QCOMPARE(frame.mid(1, 16).toHex(), id.toLatin1());
        QCOMPARE(frame.mid(17, 8).toHex(), QByteArray("0102030405060708")); // big-endian
        const auto chunk = files::decodeChunk(frame);
        QVERIFY(chunk);
        QCOMPARE(chunk->kind, files::ChunkKind::Download);
        QCOMPARE(chunk->id, id);
        QCOMPARE(chunk->offset, 0x0102030405060708ULL);
        QCOMPARE(chunk->data, data);
    }

    void framesThatAreNotChunksDecodeToNothing()
    {
        const QByteArray header = files::encodeChunk(files::ChunkKind::Upload, QString(32, u'a'), 0, {});
        QVERIFY(!files::decodeChunk(header)); // no data
        QVERIFY(!files::decodeChunk(QByteArray()));
        QByteArray unknownKind = files::encodeChunk(files::ChunkKind::Upload, QString(32, u'a'), 0, "x");
        unknownKind[0] = 0x03;
        QVERIFY(!files::decodeChunk(unknownKind));
    }

    void fileNamesAreCleaned_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("clean");
        QTest::newRow("plain") << "report.pdf" << "report.pdf";
        QTest::newRow("unix traversal") << "../../etc/passwd" << "passwd";
        QTest::newRow("windows traversal") << "..\\..\\Windows\\win.ini" << "win.ini";
        QTest::newRow("absolute") << "/etc/shadow" << "shadow";
        QTest::newRow("only dots") << ".." << "file";
        QTest::newRow("hidden file") << ".bashrc" << "bashrc";
        QTest::newRow("trailing dots and spaces") << "notes.txt. . " << "notes.txt";
        QTest::newRow("reserved characters") << "a<b>c:d\"e|f?g*h.txt" << "abcdefgh.txt";
        QTest::newRow("control characters") << "evil\nname\r\t.txt" << "evilname.txt";
        QTest::newRow("direction override") << "invoice\u202Efdp.exe" << "invoicefdp.exe";
        QTest::newRow("empty") << "" << "file";
        QTest::newRow("unicode kept") << "Übersicht 北京 🚀.png" << "Übersicht 北京 🚀.png";
        QTest::newRow("long keeps its extension") << QString(300, u'x') + ".tar.gz" << QString(252, u'x') + ".gz";
    }

    void fileNamesAreCleaned()
    {
        QFETCH(QString, name);
        QFETCH(QString, clean);
        QCOMPARE(files::sanitizeFileName(name), clean);
        QCOMPARE(files::sanitizeFileName(clean), clean);
    }
};

QTEST_GUILESS_MAIN(FileTransferTest)
#include "tst_filetransfer.moc"
