#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace chat::test {

// One row of the hostile-input catalog: who sends what, and what the server must do about it.
struct HostileCase {
    enum class Sender { Anonymous, Member, Outsider };
    enum class ServerKind { Main, ShortTimeouts };
    enum class Outcome {
        Answer, // exactly one answer: `id`, then either a result or the error `code` / `reason`
        Silence, // no answer at all; the connection stays open
        Close, // the connection closes with `closeCode`
        Flood, // rate_limited answers, every committed send acknowledged, then close 1008
    };
    struct Frame {
        quint8 opcode = 0x1;
        QByteArray payload;
        bool final = true;
        bool raw = false; // `payload` is written as it is, header and all
    };

    QByteArray name;
    Sender sender = Sender::Anonymous;
    ServerKind server = ServerKind::Main;
    QList<Frame> frames;
    int repeat = 1; // the frames are sent this many times, all at once
    Outcome outcome = Outcome::Answer;
    QJsonValue id = QJsonValue::Null;
    int code = 0; // 0: a result is expected
    QString reason;
    int closeCode = 0;
    // What the store gains: zero unless the input is acceptable.
    int newMessages = 0;
    int newUsers = 0;
    int newRooms = 0;
    // For an accepted message: the body the store and history must hold, exactly.
    std::optional<QString> storedBody;
};

// Every row, named.
QList<HostileCase> hostileCatalog();

} // namespace chat::test

Q_DECLARE_METATYPE(chat::test::HostileCase)
