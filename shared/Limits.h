#pragma once

#include <QJsonObject>

namespace chat {

// Fixed ceilings that no server.ini can raise.
namespace limit {
// The most messages one history query returns, whatever limits/history_max says.
inline constexpr int MaxHistoryPage = 1000;
// Usernames and tokens longer than this are refused before any lookup or validation.
inline constexpr int MaxCredentialChars = 256;
} // namespace limit

// The limits a server enforces, announced in server.hello so that clients can respect them up front.
struct Limits {
    qint64 maxFrameBytes = 64 * 1024;
    int maxBodyChars = 4000;
    int historyDefault = 50;
    int historyMax = 200;
    int messagesPerSecond = 20; // sustained per session
    int messageBurst = 40;
    int maxClientIdChars = 64;
    int maxRoomNameChars = 64;
    int minUsernameChars = 3;
    int maxUsernameChars = 32;
    int minPasswordChars = 8;
    int maxPasswordBytes = 1024;
    qint64 editWindowS = 0; // 0: messages can always be edited
    int maxReactionsPerMessage = 20; // different emoji on one message
    int receiptsMaxMembers = 50; // the largest room whose members receive `receipt` notifications
    int searchesPerSecond = 5; // messages.search, sustained per session
    int searchBurst = 10;
    qint64 maxFileBytes = 25 * 1024 * 1024;
    int maxAttachments = 10; // files on one message
    int fileChunkBytes = 256 * 1024; // data bytes in one chunk frame
    int fileWindowBytes = 1024 * 1024; // upload bytes sent and not yet acknowledged
    qint64 userQuotaBytes = qint64(1024) * 1024 * 1024; // 0: no quota
    qint64 totalQuotaBytes = 0; // 0: no quota
    qint64 maxImagePixels = 50'000'000; // width × height the server decodes for a thumbnail
    int uploadExpiryHours = 24;
    int uploadsPerMinute = 30; // new files.upload reservations per connection

    QJsonObject toJson() const;
    static Limits fromJson(const QJsonObject& json);
};

} // namespace chat
