// The chat-client executable's command line, as a person types it in a terminal, maybe over ssh with no
// display at all.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

class ClientCliTest : public QObject {
    Q_OBJECT

    static QProcessEnvironment withoutDisplay()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
            env.remove(QString::fromLatin1(name));
        return env;
    }

    static QProcess* run(const QStringList& arguments, QObject* parent)
    {
        auto* process = new QProcess(parent);
        process->setProcessEnvironment(withoutDisplay());
        process->start(QStringLiteral(CHAT_CLIENT_BINARY), arguments);
        return process;
    }

private Q_SLOTS:
    void helpPrintsWithoutADisplay()
    {
        QProcess* process = run({ QStringLiteral("--help") }, this);
        QVERIFY(process->waitForFinished(20000));
        const QString out = QString::fromUtf8(process->readAllStandardOutput());
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 0);
        QVERIFY2(out.contains(QStringLiteral("--profile")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("--server")), qPrintable(out));
    }

    void versionPrintsWithoutADisplay()
    {
        QProcess* process = run({ QStringLiteral("--version") }, this);
        QVERIFY(process->waitForFinished(20000));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 0);
        QVERIFY(QString::fromUtf8(process->readAllStandardOutput()).contains(QStringLiteral(CHAT_VERSION)));
    }

    void anUnknownOptionIsAnErrorNotACrash()
    {
        QProcess* process = run({ QStringLiteral("--no-such-option") }, this);
        QVERIFY(process->waitForFinished(20000));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QVERIFY(process->exitCode() != 0);
        QVERIFY(QString::fromUtf8(process->readAllStandardError()).contains(QStringLiteral("no-such-option")));
    }
};

QTEST_GUILESS_MAIN(ClientCliTest)
#include "tst_client_cli.moc"
