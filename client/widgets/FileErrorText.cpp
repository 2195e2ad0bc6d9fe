#include "FileErrorText.h"

#include "AttachmentCards.h"
#include "Protocol.h"

namespace chat::client {

namespace key = protocol::key;

QString FileErrorText::describe(const RpcError& error)
{
    const QJsonObject& data = error.extra;
    if (error.reason == reason::QuotaExceeded) {
        if (data.value(key::Scope).toString() == QLatin1String("server"))
            return tr("The server has no room left for files. Ask its administrator.");
        return tr("Your files on this server would pass your quota (%1 of %2 used).")
            .arg(AttachmentCards::humanSize(data.value(key::UsedBytes).toInteger()),
                AttachmentCards::humanSize(data.value(key::QuotaBytes).toInteger()));
    }
    if (error.reason == reason::TooLarge) {
        const qint64 max = data.value(key::MaxBytes).toInteger();
        return max > 0
            ? tr("The file is too large: this server takes files up to %1.").arg(AttachmentCards::humanSize(max))
            : tr("The file is too large for this server.");
    }
    if (error.reason == reason::FileRejected) {
        const QString cause = data.value(key::Cause).toString();
        if (cause == cause::HashMismatch)
            return tr("The file changed while it was being sent. Try again.");
        if (cause == cause::ImageTooLarge)
            return tr("The image has too many pixels for this server (at most %1 million).")
                .arg(data.value(key::MaxPixels).toInteger() / 1000000);
        if (cause == cause::ImageUnreadable)
            return tr("The image is damaged: the server cannot read it.");
        return tr("The server refused the file.");
    }
    if (error.reason == reason::Forbidden)
        return tr("You are not a member of this room any more.");
    if (error.reason == reason::NotFound)
        return tr("The file is not there any more, or you may not have it.");
    return error.message.isEmpty() ? tr("The file could not be sent.") : error.message;
}

} // namespace chat::client
