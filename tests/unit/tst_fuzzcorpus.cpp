#include "../fuzz/ConfigExercise.h"
#include "../fuzz/DecodeExercise.h"
#include "../fuzz/FrameExercise.h"
#include "../fuzz/ParamsExercise.h"
#include "../fuzz/ProxyHeaderExercise.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <functional>

namespace {

using Exercise = std::function<QString(const QByteArray&)>;

// Each fuzz target's exercise, by the name of its folder under tests/fuzz/corpus.
const QHash<QString, Exercise>& exercises()
{
    static const QHash<QString, Exercise> byTarget {
        { QStringLiteral("jsonrpc_decode"), chat::fuzz::exerciseDecoder },
        { QStringLiteral("params"), chat::fuzz::exerciseParams },
        { QStringLiteral("config"), chat::fuzz::exerciseConfig },
        { QStringLiteral("outgoing_frame"), chat::fuzz::exerciseOutgoingFrame },
        { QStringLiteral("proxy_header"), chat::fuzz::exerciseProxyHeader },
    };
    return byTarget;
}

} // namespace

// Replays every fuzz target's seed corpus (and every crash reproducer added to it) on every ctest run.
// For jsonrpc_decode and proxy_header, files named ok-* must be accepted and bad-* refused; any other name only
// has to keep the target's properties.
class FuzzCorpusTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyTargetHasACorpus()
    {
        const QDir corpus(QStringLiteral(CHAT_SOURCE_DIR "/tests/fuzz/corpus"));
        const QStringList targets = corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QStringList known = exercises().keys();
        known.sort();
        QCOMPARE(targets, known);
        for (const QString& target : targets)
            QVERIFY2(QDir(corpus.filePath(target)).entryList(QDir::Files).size() >= 3, qPrintable(target));
    }

    void everyCorpusInputKeepsItsTargetsProperties_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        const QDir corpus(QStringLiteral(CHAT_SOURCE_DIR "/tests/fuzz/corpus"));
        for (const QString& target : corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QDir folder(corpus.filePath(target));
            for (const QString& name : folder.entryList(QDir::Files, QDir::Name))
                QTest::newRow(qPrintable(target + QLatin1Char('/') + name)) << target << folder.filePath(name);
        }
    }

    void everyCorpusInputKeepsItsTargetsProperties()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray input = file.readAll();
        QVERIFY2(exercises().contains(target), qPrintable(target));

        const QString problem = exercises().value(target)(input);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const QString name = QFileInfo(path).fileName();
        const bool mustAccept = name.startsWith(QLatin1String("ok-"));
        const bool mustRefuse = name.startsWith(QLatin1String("bad-"));
        if (target == QLatin1String("jsonrpc_decode")) {
            const chat::jsonrpc::Decoded decoded = chat::jsonrpc::decode(input);
            if (mustAccept)
                QVERIFY2(decoded.message, decoded.failure ? qPrintable(decoded.failure->error.message) : "");
            if (mustRefuse)
                QVERIFY(decoded.failure);
        } else if (target == QLatin1String("proxy_header")) {
            const bool accepted = chat::server::ProxyHeader::parse(input).has_value();
            if (mustAccept)
                QVERIFY(accepted);
            if (mustRefuse)
                QVERIFY(!accepted);
        }
    }
};

QTEST_GUILESS_MAIN(FuzzCorpusTest)
#include "tst_fuzzcorpus.moc"
