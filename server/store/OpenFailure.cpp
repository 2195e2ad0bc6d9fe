#include "OpenFailure.h"

namespace chat::server {

namespace {

// SQLite's primary result codes (the low byte of an extended code).
enum SqliteCode {
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    IoError = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    NotADatabase = 26,
};

QString sqliteCause(const QString& name, const StoreError& error)
{
    bool numeric = false;
    const int code = error.nativeCode.toInt(&numeric) & 0xff;
    if (!numeric)
        return {};
    switch (code) {
    case NotADatabase:
        return name + QStringLiteral(" is not a SQLite database (it is another kind of file, or encrypted)");
    case Corrupt:
        return name + QStringLiteral(" is damaged (corrupt or truncated); restore it from a backup");
    case Busy:
    case Locked:
        return name
            + QStringLiteral(" is locked by another process; stop that process, or configure another [database] path");
    case Full:
        return QStringLiteral("the disk holding %1 is full").arg(name);
    case CantOpen:
        return name
            + QStringLiteral(" cannot be opened; check that it is a file and that this user may write it and "
                             "its folder");
    case ReadOnly:
        return name + QStringLiteral(" is read-only for this user");
    case IoError:
        return name + QStringLiteral(" could not be read or written (an I/O error of the disk or file system)");
    default:
        return {};
    }
}

} // namespace

QString explainOpenFailure(const DatabaseConfig& config, const StoreError& error)
{
    const QString name = config.displayName();
    if (error.kind == StoreError::Kind::ForeignDatabase)
        return name + QStringLiteral(" is another application's database: ") + error.message;
    const QString cause = config.driver == DatabaseConfig::Driver::Sqlite ? sqliteCause(name, error) : QString();
    if (cause.isEmpty())
        return name + QStringLiteral(": ") + error.message;
    return cause + QStringLiteral(" [") + error.message + QLatin1Char(']');
}

} // namespace chat::server
