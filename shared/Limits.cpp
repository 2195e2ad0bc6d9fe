#include "Limits.h"

namespace chat {

namespace {
constexpr QLatin1String MaxFrameBytes { "max_frame_bytes" };
constexpr QLatin1String MaxBodyChars { "max_body_chars" };
constexpr QLatin1String HistoryDefault { "history_default" };
constexpr QLatin1String HistoryMax { "history_max" };
constexpr QLatin1String MessagesPerSecond { "messages_per_second" };
constexpr QLatin1String MessageBurst { "message_burst" };
constexpr QLatin1String MaxClientIdChars { "max_client_id_chars" };
constexpr QLatin1String MaxRoomNameChars { "max_room_name_chars" };
constexpr QLatin1String MinUsernameChars { "min_username_chars" };
constexpr QLatin1String MaxUsernameChars { "max_username_chars" };
constexpr QLatin1String MinPasswordChars { "min_password_chars" };
constexpr QLatin1String MaxPasswordBytes { "max_password_bytes" };
constexpr QLatin1String EditWindowS { "edit_window_s" };
constexpr QLatin1String MaxReactionsPerMessage { "max_reactions_per_message" };
constexpr QLatin1String ReceiptsMaxMembers { "receipts_max_members" };
constexpr QLatin1String SearchesPerSecond { "searches_per_second" };
constexpr QLatin1String SearchBurst { "search_burst" };
constexpr QLatin1String MaxFileBytes { "max_file_bytes" };
constexpr QLatin1String MaxAttachments { "max_attachments" };
constexpr QLatin1String FileChunkBytes { "file_chunk_bytes" };
constexpr QLatin1String FileWindowBytes { "file_window_bytes" };
constexpr QLatin1String UserQuotaBytes { "user_quota_bytes" };
constexpr QLatin1String TotalQuotaBytes { "total_quota_bytes" };
constexpr QLatin1String MaxImagePixels { "max_image_pixels" };
constexpr QLatin1String UploadExpiryHours { "upload_expiry_hours" };
constexpr QLatin1String UploadsPerMinute { "uploads_per_minute" };
} // namespace

QJsonObject Limits::toJson() const
{
    return QJsonObject {
        { MaxFrameBytes, maxFrameBytes },
        { MaxBodyChars, maxBodyChars },
        { HistoryDefault, historyDefault },
        { HistoryMax, historyMax },
        { MessagesPerSecond, messagesPerSecond },
        { MessageBurst, messageBurst },
        { MaxClientIdChars, maxClientIdChars },
        { MaxRoomNameChars, maxRoomNameChars },
        { MinUsernameChars, minUsernameChars },
        { MaxUsernameChars, maxUsernameChars },
        { MinPasswordChars, minPasswordChars },
        { MaxPasswordBytes, maxPasswordBytes },
        { EditWindowS, editWindowS },
        { MaxReactionsPerMessage, maxReactionsPerMessage },
        { ReceiptsMaxMembers, receiptsMaxMembers },
        { SearchesPerSecond, searchesPerSecond },
        { SearchBurst, searchBurst },
        { MaxFileBytes, maxFileBytes },
        { MaxAttachments, maxAttachments },
        { FileChunkBytes, fileChunkBytes },
        { FileWindowBytes, fileWindowBytes },
        { UserQuotaBytes, userQuotaBytes },
        { TotalQuotaBytes, totalQuotaBytes },
        { MaxImagePixels, maxImagePixels },
        { UploadExpiryHours, uploadExpiryHours },
        { UploadsPerMinute, uploadsPerMinute },
    };
}

Limits Limits::fromJson(const QJsonObject& json)
{
    Limits limits;
    auto read = [&json](QLatin1String name, auto& field) {
        if (json.contains(name))
            field = static_cast<std::decay_t<decltype(field)>>(json.value(name).toInteger());
    };
    read(MaxFrameBytes, limits.maxFrameBytes);
    read(MaxBodyChars, limits.maxBodyChars);
    read(HistoryDefault, limits.historyDefault);
    read(HistoryMax, limits.historyMax);
    read(MessagesPerSecond, limits.messagesPerSecond);
    read(MessageBurst, limits.messageBurst);
    read(MaxClientIdChars, limits.maxClientIdChars);
    read(MaxRoomNameChars, limits.maxRoomNameChars);
    read(MinUsernameChars, limits.minUsernameChars);
    read(MaxUsernameChars, limits.maxUsernameChars);
    read(MinPasswordChars, limits.minPasswordChars);
    read(MaxPasswordBytes, limits.maxPasswordBytes);
    read(EditWindowS, limits.editWindowS);
    read(MaxReactionsPerMessage, limits.maxReactionsPerMessage);
    read(ReceiptsMaxMembers, limits.receiptsMaxMembers);
    read(SearchesPerSecond, limits.searchesPerSecond);
    read(SearchBurst, limits.searchBurst);
    read(MaxFileBytes, limits.maxFileBytes);
    read(MaxAttachments, limits.maxAttachments);
    read(FileChunkBytes, limits.fileChunkBytes);
    read(FileWindowBytes, limits.fileWindowBytes);
    read(UserQuotaBytes, limits.userQuotaBytes);
    read(TotalQuotaBytes, limits.totalQuotaBytes);
    read(MaxImagePixels, limits.maxImagePixels);
    read(UploadExpiryHours, limits.uploadExpiryHours);
    read(UploadsPerMinute, limits.uploadsPerMinute);
    return limits;
}

} // namespace chat
