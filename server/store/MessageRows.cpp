#include "MessageRows.h"

#include "Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace chat::server::messagerows {

namespace {

const QLatin1String EmojiKey("e");
const QLatin1String UsersKey("u");

QList<qint64> idsOf(const QJsonArray& array)
{
    QList<qint64> ids;
    ids.reserve(array.size());
    for (const QJsonValue& id : array)
        ids.append(id.toInteger());
    return ids;
}

QJsonArray idsJson(const QList<qint64>& ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QString compact(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray arrayOf(const QVariant& column)
{
    const QString text = column.toString();
    return text.isEmpty() ? QJsonArray() : QJsonDocument::fromJson(text.toUtf8()).array();
}

QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

} // namespace

const QString Select
    = QStringLiteral("SELECT m.id, m.room_id, m.seq, m.sender_id, m.body, m.ts, m.client_id, m.edited_ts, m.deleted, "
                     "m.mentions, m.reactions, m.change_seq, m.reply_to, r.seq, r.sender_id, substr(r.body, 1, %1), "
                     "r.deleted, m.attachment_count FROM messages m LEFT JOIN messages r ON r.id = m.reply_to ")
          .arg(protocol::ReplyExcerptChars);

Message from(const QSqlQuery& q)
{
    Message message;
    message.id = q.value(0).toLongLong();
    message.roomId = q.value(1).toLongLong();
    message.seq = q.value(2).toLongLong();
    message.senderId = q.value(3).toLongLong();
    message.body = q.value(4).toString();
    message.ts = q.value(5).toLongLong();
    message.clientId = q.value(6).toString();
    message.editedTs = q.value(7).toLongLong();
    message.deleted = q.value(8).toBool();
    message.mentions = idsOf(arrayOf(q.value(9)));
    for (const QJsonValue& entry : arrayOf(q.value(10))) {
        const QJsonObject reaction = entry.toObject();
        message.reactions.append(
            Reaction { reaction.value(EmojiKey).toString(), idsOf(reaction.value(UsersKey).toArray()) });
    }
    message.change = q.value(11).toLongLong();
    if (!q.isNull(12) && !message.deleted) {
        MessageReply reply;
        reply.id = q.value(12).toLongLong();
        reply.seq = q.value(13).toLongLong();
        reply.senderId = q.value(14).toLongLong();
        reply.deleted = q.value(16).toBool();
        if (!reply.deleted)
            reply.excerpt = q.value(15).toString();
        message.reply = reply;
    }
    return message;
}

int attachmentCount(const QSqlQuery& q)
{
    return q.value(17).toInt();
}

QVariant mentionsColumn(const QList<qint64>& mentions)
{
    return mentions.isEmpty() ? nullText() : QVariant(compact(idsJson(mentions)));
}

QVariant reactionsColumn(const QList<Reaction>& reactions)
{
    if (reactions.isEmpty())
        return nullText();
    QJsonArray array;
    for (const Reaction& reaction : reactions)
        array.append(QJsonObject { { EmojiKey, reaction.emoji }, { UsersKey, idsJson(reaction.users) } });
    return compact(array);
}

} // namespace chat::server::messagerows
