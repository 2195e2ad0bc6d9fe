#include "../fuzz/DecodeExercise.h"

#include <QDir>
#include <QFile>
#include <QTest>

// Replays the fuzz seed corpus (and any crash reproducer added to it) through the decoder on every ctest run.
// Files named ok-* must decode, bad-* must be refused; any other name only has to pass the fuzz properties.
class FuzzCorpusTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCorpusFrameKeepsTheDecoderProperties_data()
    {
        QTest::addColumn<QString>("path");
        const QDir corpus(QStringLiteral(CHAT_SOURCE_DIR "/tests/fuzz/corpus"));
        const QStringList names = corpus.entryList(QDir::Files, QDir::Name);
        QVERIFY2(names.size() >= 12, qPrintable(corpus.path()));
        for (const QString& name : names)
            QTest::newRow(qPrintable(name)) << corpus.filePath(name);
    }

    void everyCorpusFrameKeepsTheDecoderProperties()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray frame = file.readAll();

        const QString problem = chat::fuzz::exerciseDecoder(frame);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const QString name = QFileInfo(path).fileName();
        const chat::jsonrpc::Decoded decoded = chat::jsonrpc::decode(frame);
        if (name.startsWith(QLatin1String("ok-")))
            QVERIFY2(decoded.message, decoded.failure ? qPrintable(decoded.failure->error.message) : "");
        if (name.startsWith(QLatin1String("bad-")))
            QVERIFY(decoded.failure);
    }
};

QTEST_GUILESS_MAIN(FuzzCorpusTest)
#include "tst_fuzzcorpus.moc"
