#include "ConfigReader.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

namespace chat::server {

ConfigReader::ConfigReader(const QString& file)
    : m_file(file)
    , m_settings(file, QSettings::IniFormat)
{
}

QSettings::Status ConfigReader::status()
{
    // QSettings keeps parsed files in a process-wide cache and tells only the reader that parsed a file that
    // it is malformed: remember that verdict, so that every reading of an unchanged file refuses it alike.
    struct Verdict {
        qint64 size;
        QDateTime modified;
        QSettings::Status status;
    };
    static QMutex mutex;
    static QHash<QString, Verdict> verdicts; // by file, for its latest version only
    const QFileInfo info(m_file);
    const QMutexLocker lock(&mutex);
    Verdict& verdict = verdicts[info.absoluteFilePath()];
    if (m_settings.status() != QSettings::NoError || verdict.size != info.size()
        || verdict.modified != info.lastModified())
        verdict = Verdict { info.size(), info.lastModified(), m_settings.status() };
    return verdict.status;
}

std::optional<ConfigError> ConfigReader::open()
{
    m_settings.sync();
    const QSettings::Status status = this->status();
    if (status == QSettings::FormatError)
        return ConfigError { m_file, QString(), QStringLiteral("not a valid ini file") };
    if (status == QSettings::AccessError)
        return ConfigError { m_file, QString(), QStringLiteral("the file cannot be read") };
    return std::nullopt;
}

std::optional<QString> ConfigReader::raw(const QString& key)
{
    m_known.insert(key);
    if (!m_settings.contains(key))
        return std::nullopt;
    const QVariant value = m_settings.value(key);
    // A value with commas comes back as a list: join it again, the caller decides what commas mean.
    const QString text
        = value.typeId() == QMetaType::QStringList ? value.toStringList().join(QLatin1Char(',')) : value.toString();
    // QSettings already drops "; comments" after a value; a value that contains ';' must be quoted.
    return text.trimmed();
}

void ConfigReader::fail(const QString& key, const QString& message)
{
    if (!m_error)
        m_error = ConfigError { m_file, key, message };
}

void ConfigReader::text(const QString& key, QString& value, const Check& check)
{
    const std::optional<QString> found = raw(key);
    if (!found)
        return;
    if (check) {
        if (const QString problem = check(*found); !problem.isEmpty())
            return fail(key, problem);
    }
    value = *found;
}

void ConfigReader::integer(const QString& key, qint64& value, qint64 minimum, qint64 maximum)
{
    const std::optional<QString> found = raw(key);
    if (!found || found->isEmpty())
        return;
    bool ok = false;
    const qint64 number = found->toLongLong(&ok);
    if (!ok || number < minimum || number > maximum)
        return fail(
            key, QStringLiteral("\"%1\" is not a whole number from %2 to %3").arg(*found).arg(minimum).arg(maximum));
    value = number;
}

void ConfigReader::integer(const QString& key, int& value, qint64 minimum, qint64 maximum)
{
    qint64 wide = value;
    integer(key, wide, minimum, maximum);
    value = int(wide);
}

void ConfigReader::choice(const QString& key, QString& value, const QStringList& allowed)
{
    const std::optional<QString> found = raw(key);
    if (!found || found->isEmpty())
        return;
    const QString lower = found->toLower();
    if (!allowed.contains(lower))
        return fail(key, QStringLiteral("\"%1\" is not one of: %2").arg(*found, allowed.join(QStringLiteral(", "))));
    value = lower;
}

void ConfigReader::boolean(const QString& key, bool& value)
{
    const std::optional<QString> found = raw(key);
    if (!found || found->isEmpty())
        return;
    const QString lower = found->toLower();
    if (lower == QLatin1String("true") || lower == QLatin1String("yes") || lower == QLatin1String("on")
        || lower == QLatin1String("1"))
        value = true;
    else if (lower == QLatin1String("false") || lower == QLatin1String("no") || lower == QLatin1String("off")
        || lower == QLatin1String("0"))
        value = false;
    else
        fail(key, QStringLiteral("\"%1\" is not true or false").arg(*found));
}

void ConfigReader::secretFile(const QString& key, QByteArray& contents, const QDir& base)
{
    QString file;
    path(key, file, base, MustBeReadable);
    if (file.isEmpty())
        return;
    QFile secret(file);
    if (!secret.open(QIODevice::ReadOnly))
        return fail(key, QStringLiteral("cannot read \"%1\": %2").arg(file, secret.errorString()));
    QByteArray text = secret.readAll();
    while (text.endsWith('\n') || text.endsWith('\r'))
        text.chop(1);
    if (text.isEmpty())
        return fail(key, QStringLiteral("\"%1\" is empty").arg(file));
    contents = text;
}

void ConfigReader::path(const QString& key, QString& value, const QDir& base, PathRule rule)
{
    const std::optional<QString> found = raw(key);
    if (!found || found->isEmpty())
        return;
    const QString absolute = QDir::cleanPath(base.absoluteFilePath(*found));
    if (rule == MustBeReadable && !QFileInfo(absolute).isReadable())
        return fail(key, QStringLiteral("cannot read \"%1\"").arg(absolute));
    if (rule == MayBeMissing && !QFileInfo(QFileInfo(absolute).absolutePath()).isDir())
        return fail(key, QStringLiteral("the folder of \"%1\" does not exist").arg(absolute));
    value = absolute;
}

void ConfigReader::list(const QString& key, QStringList& value, const Check& checkItem)
{
    const std::optional<QString> found = raw(key);
    if (!found)
        return;
    QStringList items;
    for (const QString& item : found->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (checkItem) {
            if (const QString problem = checkItem(trimmed); !problem.isEmpty())
                return fail(key, problem);
        }
        items.append(trimmed);
    }
    value = items;
}

void ConfigReader::refuse(const QString& key, const QString& message)
{
    if (const std::optional<QString> found = raw(key); found && !found->isEmpty())
        fail(key, message);
}

void ConfigReader::secretFile(const QString& key, QString& file, QString& secret, const QDir& base)
{
    QString absolute;
    path(key, absolute, base, MustBeReadable);
    if (absolute.isEmpty())
        return; // not set, or already reported
    QFile source(absolute);
    if (!QFileInfo(absolute).isFile())
        return fail(key, QStringLiteral("\"%1\" is not a file").arg(absolute));
    if (!source.open(QIODevice::ReadOnly))
        return fail(key, QStringLiteral("cannot read \"%1\": %2").arg(absolute, source.errorString()));
    QByteArray content = source.readAll();
    while (content.endsWith('\n') || content.endsWith('\r'))
        content.chop(1);
    if (content.isEmpty())
        return fail(key, QStringLiteral("\"%1\" is empty").arg(absolute));
    file = absolute;
    secret = QString::fromUtf8(content);
}

std::optional<ConfigError> ConfigReader::firstError() const
{
    if (m_error)
        return m_error;
    QSet<QString> sections;
    for (const QString& key : m_known)
        sections.insert(key.section(QLatin1Char('/'), 0, 0));
    const QStringList present = m_settings.allKeys();
    for (const QString& key : present) {
        if (m_known.contains(key))
            continue;
        const QString section = key.section(QLatin1Char('/'), 0, 0);
        if (!key.contains(QLatin1Char('/')))
            return ConfigError { m_file, QString(), QStringLiteral("\"%1\" is outside any [section]").arg(key) };
        if (!sections.contains(section))
            return ConfigError { m_file, key, QStringLiteral("unknown section [%1]").arg(section) };
        return ConfigError { m_file, key, QStringLiteral("unknown key (a typo?)") };
    }
    return std::nullopt;
}

} // namespace chat::server
