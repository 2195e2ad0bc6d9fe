#include "Types.h"

#include "Protocol.h"

#include <QJsonArray>

namespace chat {

namespace key = protocol::key;

namespace {
qint64 int64Of(const QJsonObject& json, QLatin1String name)
{
    return json.value(name).toInteger();
}

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QList<qint64> idList(const QJsonValue& value)
{
    QList<qint64> ids;
    const QJsonArray array = value.toArray();
    ids.reserve(array.size());
    for (const QJsonValue& id : array)
        ids.append(id.toInteger());
    return ids;
}
} // namespace

QJsonObject User::toJson() const
{
    return QJsonObject { { key::Id, id }, { key::Username, username }, { key::Online, online } };
}

User User::fromJson(const QJsonObject& json)
{
    return User { int64Of(json, key::Id), json.value(key::Username).toString(), json.value(key::Online).toBool() };
}

QJsonObject Room::toJson() const
{
    QJsonObject json {
        { key::Id, id },
        { key::Kind, kind == Kind::Direct ? protocol::roomkind::Direct : protocol::roomkind::Group },
        { key::Members, idArray(members) },
        { key::LastSeq, lastSeq },
        { key::LastReadSeq, lastReadSeq },
        { key::Unread, unread },
        { key::LastChange, lastChange },
        { key::Notify, notify },
    };
    if (kind == Kind::Group)
        json.insert(key::Name, name);
    return json;
}

Room Room::fromJson(const QJsonObject& json)
{
    Room room;
    room.id = int64Of(json, key::Id);
    room.kind = json.value(key::Kind).toString() == protocol::roomkind::Direct ? Kind::Direct : Kind::Group;
    room.name = json.value(key::Name).toString();
    room.members = idList(json.value(key::Members));
    room.lastSeq = int64Of(json, key::LastSeq);
    room.lastReadSeq = int64Of(json, key::LastReadSeq);
    room.unread = int64Of(json, key::Unread);
    room.lastChange = int64Of(json, key::LastChange);
    room.notify = json.value(key::Notify).toString(protocol::notify::All);
    return room;
}

QJsonObject PublicRoom::toJson() const
{
    return QJsonObject { { key::Id, id }, { key::Name, name }, { key::MemberCount, memberCount } };
}

PublicRoom PublicRoom::fromJson(const QJsonObject& json)
{
    return PublicRoom { int64Of(json, key::Id), json.value(key::Name).toString(), int64Of(json, key::MemberCount) };
}

QJsonObject MessageReply::toJson() const
{
    QJsonObject json { { key::Id, id }, { key::Seq, seq }, { key::SenderId, senderId } };
    if (deleted)
        json.insert(key::Deleted, true);
    else
        json.insert(key::Excerpt, excerpt);
    return json;
}

MessageReply MessageReply::fromJson(const QJsonObject& json)
{
    return MessageReply {
        int64Of(json, key::Id),
        int64Of(json, key::Seq),
        int64Of(json, key::SenderId),
        json.value(key::Excerpt).toString(),
        json.value(key::Deleted).toBool(),
    };
}

QJsonObject Attachment::toJson() const
{
    QJsonObject json {
        { key::Id, id },
        { key::Name, name },
        { key::Size, size },
        { key::Type, type },
        { key::Sha256, sha256 },
    };
    if (isImage()) {
        json.insert(key::Width, width);
        json.insert(key::Height, height);
    }
    if (!thumbnail.isNull())
        json.insert(key::Thumbnail,
            QJsonObject {
                { key::Type, thumbnail.type },
                { key::Width, thumbnail.width },
                { key::Height, thumbnail.height },
                { key::DataKey, QString::fromLatin1(thumbnail.data.toBase64()) },
            });
    return json;
}

Attachment Attachment::fromJson(const QJsonObject& json)
{
    Attachment attachment;
    attachment.id = json.value(key::Id).toString();
    attachment.name = json.value(key::Name).toString();
    attachment.size = int64Of(json, key::Size);
    attachment.type = json.value(key::Type).toString();
    attachment.sha256 = json.value(key::Sha256).toString();
    attachment.width = json.value(key::Width).toInt();
    attachment.height = json.value(key::Height).toInt();
    const QJsonObject thumbnail = json.value(key::Thumbnail).toObject();
    if (!thumbnail.isEmpty()) {
        attachment.thumbnail.type = thumbnail.value(key::Type).toString();
        attachment.thumbnail.width = thumbnail.value(key::Width).toInt();
        attachment.thumbnail.height = thumbnail.value(key::Height).toInt();
        attachment.thumbnail.data = QByteArray::fromBase64(thumbnail.value(key::DataKey).toString().toLatin1());
    }
    return attachment;
}

QJsonObject Message::toJson() const
{
    QJsonObject json {
        { key::Id, id },
        { key::RoomId, roomId },
        { key::Seq, seq },
        { key::SenderId, senderId },
        { key::Body, body },
        { key::Ts, ts },
        { key::ClientId, clientId },
    };
    if (change > 0)
        json.insert(key::Change, change);
    if (deleted) {
        json.insert(key::Deleted, true);
        return json;
    }
    if (editedTs > 0)
        json.insert(key::EditedTs, editedTs);
    if (reply)
        json.insert(key::Reply, reply->toJson());
    if (!mentions.isEmpty())
        json.insert(key::Mentions, idArray(mentions));
    if (!reactions.isEmpty()) {
        QJsonArray array;
        for (const Reaction& reaction : reactions)
            array.append(QJsonObject { { key::Emoji, reaction.emoji }, { key::Users, idArray(reaction.users) } });
        json.insert(key::Reactions, array);
    }
    if (!attachments.isEmpty()) {
        QJsonArray array;
        for (const Attachment& attachment : attachments)
            array.append(attachment.toJson());
        json.insert(key::Attachments, array);
    }
    return json;
}

Message Message::fromJson(const QJsonObject& json)
{
    Message message;
    message.id = int64Of(json, key::Id);
    message.roomId = int64Of(json, key::RoomId);
    message.seq = int64Of(json, key::Seq);
    message.senderId = int64Of(json, key::SenderId);
    message.body = json.value(key::Body).toString();
    message.ts = int64Of(json, key::Ts);
    message.clientId = json.value(key::ClientId).toString();
    message.change = int64Of(json, key::Change);
    message.deleted = json.value(key::Deleted).toBool();
    if (message.deleted)
        return message;
    message.editedTs = int64Of(json, key::EditedTs);
    if (const QJsonValue reply = json.value(key::Reply); reply.isObject())
        message.reply = MessageReply::fromJson(reply.toObject());
    message.mentions = idList(json.value(key::Mentions));
    const QJsonArray reactions = json.value(key::Reactions).toArray();
    for (const QJsonValue& reaction : reactions) {
        const QJsonObject object = reaction.toObject();
        message.reactions.append(Reaction { object.value(key::Emoji).toString(), idList(object.value(key::Users)) });
    }
    const QJsonArray attachments = json.value(key::Attachments).toArray();
    for (const QJsonValue& attachment : attachments)
        message.attachments.append(Attachment::fromJson(attachment.toObject()));
    return message;
}

QJsonObject SearchHit::toJson() const
{
    QJsonArray ranges;
    for (const search::TextRange& range : highlights)
        ranges.append(QJsonArray { range.start, range.length });
    return QJsonObject { { key::MessageObj, message.toJson() }, { key::Highlights, ranges } };
}

SearchHit SearchHit::fromJson(const QJsonObject& json)
{
    SearchHit hit;
    hit.message = Message::fromJson(json.value(key::MessageObj).toObject());
    const QJsonArray ranges = json.value(key::Highlights).toArray();
    const int size = int(hit.message.body.size());
    for (const QJsonValue& value : ranges) {
        const QJsonArray pair = value.toArray();
        const int start = pair.at(0).toInt(-1);
        const int length = pair.at(1).toInt(-1);
        if (start >= 0 && length > 0 && start <= size && length <= size - start) // never trust ranges to fit
            hit.highlights.append(search::TextRange { start, length });
    }
    return hit;
}

} // namespace chat
