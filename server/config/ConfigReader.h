#pragma once

#include "ServerConfig.h"

#include <QDir>
#include <QSet>
#include <QSettings>
#include <QStringList>

#include <functional>
#include <optional>

namespace chat::server {

// Reads typed values from an ini file and remembers the first problem, naming key and file. Every key
// read is recorded, so that keys nobody reads (typos) are reported too.
class ConfigReader {
public:
    using Check = std::function<QString(const QString&)>; // empty: fine, else what is wrong
    enum PathRule { MayBeMissing, MustBeReadable };

    explicit ConfigReader(const QString& file);

    std::optional<ConfigError> open();
    void text(const QString& key, QString& value, const Check& check = {});
    void integer(const QString& key, int& value, qint64 minimum, qint64 maximum);
    void integer(const QString& key, qint64& value, qint64 minimum, qint64 maximum);
    void choice(const QString& key, QString& value, const QStringList& allowed);
    void boolean(const QString& key, bool& value); // true/false, yes/no, on/off, 1/0
    // The contents of the file a key names (relative to `base`), without trailing line breaks; must not be empty.
    void secretFile(const QString& key, QByteArray& contents, const QDir& base);
    void path(const QString& key, QString& value, const QDir& base, PathRule rule = MayBeMissing);
    void list(const QString& key, QStringList& value, const Check& checkItem = {});
    // A key that must not hold a value (e.g. a secret written inline); `message` says what to do instead.
    void refuse(const QString& key, const QString& message);
    // A path whose file holds a secret: `file` gets the absolute path, `secret` its content without the
    // trailing line break. The secret never appears in an error.
    void secretFile(const QString& key, QString& file, QString& secret, const QDir& base);
    void fail(const QString& key, const QString& message);

    // The first error, or an unknown key/section if everything read was fine.
    std::optional<ConfigError> firstError() const;

private:
    std::optional<QString> raw(const QString& key);
    QSettings::Status status();

    QString m_file;
    QSettings m_settings;
    QSet<QString> m_known;
    std::optional<ConfigError> m_error;
};

} // namespace chat::server
