#include "Report.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSysInfo>
#include <QTextStream>

#include <unistd.h>

namespace {

int decimalsFor(double value)
{
    const double magnitude = std::abs(value);
    return magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
}

QString formatSpread(const Spread& spread, qsizetype runs)
{
    const int decimals = decimalsFor(spread.median);
    if (runs <= 1)
        return QString::number(spread.median, 'f', decimals);
    return spread.toString(decimals);
}

QJsonArray toArray(const QList<double>& values)
{
    QJsonArray array;
    for (double value : values)
        array.append(value);
    return array;
}

QString cpuModel()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : cpuinfo.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

QString gitRevision()
{
    QProcess git;
    git.start(QStringLiteral("git"),
        { QStringLiteral("-C"), QStringLiteral(CHAT_SOURCE_DIR), QStringLiteral("describe"), QStringLiteral("--always"),
            QStringLiteral("--dirty") });
    if (!git.waitForFinished(5000) || git.exitCode() != 0)
        return QStringLiteral("unknown");
    return QString::fromUtf8(git.readAllStandardOutput().trimmed());
}

} // namespace

std::optional<double> Figure::ratio() const
{
    if (product.isEmpty() || ceiling.isEmpty() || ceilingSpread().median == 0)
        return std::nullopt;
    return productSpread().median / ceilingSpread().median;
}

void Report::add(const Figure& figure)
{
    m_figures.append(figure);
    QTextStream out(stdout);
    out << figure.workload << " | " << figure.name << ": chat-server "
        << formatSpread(figure.productSpread(), figure.product.size()) << ' ' << figure.unit;
    if (!figure.ceiling.isEmpty()) {
        out << ", ceiling " << formatSpread(figure.ceilingSpread(), figure.ceiling.size()) << ' ' << figure.unit;
        if (const auto ratio = figure.ratio())
            out << ", ratio " << QString::number(*ratio, 'f', 2);
    }
    if (!figure.target.isEmpty())
        out << " [target " << figure.target << (figure.met ? (*figure.met ? ": met" : ": NOT met") : "") << ']';
    if (!figure.note.isEmpty())
        out << " (" << figure.note << ')';
    out << Qt::endl;
}

const Figure* Report::find(const QString& workload, const QString& name) const
{
    for (const Figure& figure : m_figures) {
        if (figure.workload == workload && figure.name == name)
            return &figure;
    }
    return nullptr;
}

QJsonObject Report::machine()
{
    return {
        { QStringLiteral("cpu"), cpuModel() },
        { QStringLiteral("cores"), int(sysconf(_SC_NPROCESSORS_ONLN)) },
        { QStringLiteral("kernel"), QString(QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()) },
        { QStringLiteral("os"), QSysInfo::prettyProductName() },
        { QStringLiteral("qt"), QString::fromLatin1(qVersion()) },
        { QStringLiteral("git"), gitRevision() },
        { QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("server_core"), qEnvironmentVariable("BENCH_SERVER_CPU", QStringLiteral("unpinned")) },
    };
}

QJsonObject Report::toJson() const
{
    QJsonArray figures;
    for (const Figure& figure : m_figures) {
        QJsonObject json {
            { QStringLiteral("workload"), figure.workload },
            { QStringLiteral("name"), figure.name },
            { QStringLiteral("unit"), figure.unit },
            { QStringLiteral("product_runs"), toArray(figure.product) },
            { QStringLiteral("product_median"), figure.productSpread().median },
        };
        if (!figure.ceiling.isEmpty()) {
            json.insert(QStringLiteral("ceiling_runs"), toArray(figure.ceiling));
            json.insert(QStringLiteral("ceiling_median"), figure.ceilingSpread().median);
        }
        if (const auto ratio = figure.ratio())
            json.insert(QStringLiteral("ratio"), *ratio);
        if (!figure.target.isEmpty())
            json.insert(QStringLiteral("target"), figure.target);
        if (figure.met)
            json.insert(QStringLiteral("met"), *figure.met);
        if (!figure.note.isEmpty())
            json.insert(QStringLiteral("note"), figure.note);
        figures.append(json);
    }
    return { { QStringLiteral("machine"), machine() }, { QStringLiteral("figures"), figures } };
}

QString Report::toMarkdown() const
{
    const QJsonObject host = machine();
    QString text;
    QTextStream md(&text);
    md << "# chat-bench report\n\n"
       << "- machine: " << host.value(QStringLiteral("cpu")).toString() << ", "
       << host.value(QStringLiteral("cores")).toInt() << " cores, " << host.value(QStringLiteral("os")).toString()
       << ", " << host.value(QStringLiteral("kernel")).toString() << "\n"
       << "- Qt " << host.value(QStringLiteral("qt")).toString() << ", git "
       << host.value(QStringLiteral("git")).toString() << ", " << host.value(QStringLiteral("date")).toString() << "\n"
       << "- server pinned to core " << host.value(QStringLiteral("server_core")).toString()
       << ", load generator to the other; each value is the median of the runs, (min–max) their spread\n\n"
       << "| workload | figure | chat-server | ceiling | ratio | target |\n"
       << "|---|---|---|---|---|---|\n";
    for (const Figure& figure : m_figures) {
        md << "| " << figure.workload << " | " << figure.name << " (" << figure.unit << ") | "
           << formatSpread(figure.productSpread(), figure.product.size()) << " | "
           << (figure.ceiling.isEmpty() ? QStringLiteral("–")
                                        : formatSpread(figure.ceilingSpread(), figure.ceiling.size()))
           << " | " << (figure.ratio() ? QString::number(*figure.ratio(), 'f', 2) : QStringLiteral("–")) << " | ";
        if (!figure.target.isEmpty())
            md << figure.target << (figure.met ? (*figure.met ? " ✅" : " ❌") : "");
        md << " |\n";
    }
    bool anyNote = false;
    for (const Figure& figure : m_figures) {
        if (figure.note.isEmpty())
            continue;
        if (!anyNote)
            md << "\nNotes:\n\n";
        anyNote = true;
        md << "- " << figure.workload << ", " << figure.name << ": " << figure.note << "\n";
    }
    return text;
}

bool Report::write(const QString& basePath) const
{
    QFile markdown(basePath + QStringLiteral(".md"));
    QFile json(basePath + QStringLiteral(".json"));
    if (!markdown.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || !json.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    markdown.write(toMarkdown().toUtf8());
    json.write(QJsonDocument(toJson()).toJson());
    return true;
}
