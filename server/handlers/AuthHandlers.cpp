#include "AuthHandlers.h"

#include "HandlerSupport.h"
#include "Protocol.h"
#include "Validation.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionToken.h"
#include "core/Directory.h"
#include "core/Logging.h"
#include "core/RequestRouter.h"
#include "core/SessionHub.h"
#include "events/EventBus.h"
#include "events/PresenceTracker.h"
#include "store/Accounts.h"
#include "store/Store.h"

namespace chat::server {

namespace key = protocol::key;

namespace {

struct ResumeLookup {
    SessionRecord session;
    UserRecord user;
};

qint64 sessionLifetimeMs(const ServerContext& context)
{
    return qint64(context.config.security.sessionDays) * 86400000;
}

QJsonObject userJson(const ServerContext& context, qint64 id, const QString& username)
{
    return User { id, username, context.presence.isOnline(id) }.toJson();
}

// Refuses a second auth.* on a connection that is signed in or is signing in.
bool admitAuthRequest(ClientSession& session, const jsonrpc::Message& message)
{
    if (session.isAuthenticated() || session.isAuthPending()) {
        session.sendError(message.id,
            RpcError::invalidRequest(session.isAuthenticated() ? QStringLiteral("Already signed in: log out first")
                                                               : QStringLiteral("A sign-in is already in progress")));
        return false;
    }
    return true;
}

void finishSignIn(ClientSession& session, const QByteArray& tokenHash, const UserRecord& user)
{
    session.setAuthPending(false);
    session.authenticate(user.id, tokenHash);
}

void signup(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    if (!admitAuthRequest(session, message))
        return;
    auto params = paramsOrReply<params::Credentials>(session, message, context);
    if (!params)
        return;
    if (auto error = validation::checkUsername(params->username, context.config.limits))
        return session.sendError(message.id, *error);
    if (auto error = validation::checkPassword(params->password, context.config.limits))
        return session.sendError(message.id, *error);
    if (context.directory.userIdByName(params->username))
        return session.sendError(message.id, RpcError::usernameTaken(params->username));
    const qint64 now = currentTimeMs();
    if (qint64 wait = context.signupsByAddress.retryAfterMs(session.peerAddress(), now); wait > 0)
        return session.sendError(message.id,
            RpcError::rateLimited(wait, QStringLiteral("Too many new accounts from this address; try again later")));
    // Counted on every node (the event comes back to this one at once), so N nodes give no more signups.
    context.events.publish(events::signupAttempt(session.peerAddress()));

    session.setAuthPending(true);
    const QJsonValue id = message.id;
    const QString username = params->username;
    context.hasher.hashAsync(params->password, &session, [&context, &session, id, username](QString hash) {
        if (hash.isEmpty()) {
            session.setAuthPending(false);
            return session.sendError(id, RpcError::internal(QStringLiteral("Could not hash the password")));
        }
        const QString token = SessionToken::generate();
        const QByteArray tokenHash = SessionToken::hash(token);
        const qint64 now = currentTimeMs();
        const SessionRecord record { tokenHash, 0, now, now + sessionLifetimeMs(context) };
        const QStringList defaultRooms = context.config.defaultRooms;
        context.store.write<NewAccount>(
            [username, hash, record, defaultRooms, now](StoreDb& db) -> StoreDb::Result<NewAccount> {
                auto account = createAccount(db, username, hash, defaultRooms, now);
                if (!account)
                    return account;
                SessionRecord session = record;
                session.userId = account->user.id;
                if (auto created = db.createSession(session); !created)
                    return created.error();
                return account;
            },
            &session,
            [&context, &session, id, username, token, tokenHash](StoreDb::Result<NewAccount> result) {
                if (!result) {
                    session.setAuthPending(false);
                    if (result.error().kind == StoreError::Kind::Conflict)
                        return session.sendError(id, RpcError::usernameTaken(username));
                    return session.sendError(id, storeFailure(result.error()));
                }
                const UserRecord& user = result->user;
                qCInfo(lcAuth) << "new account" << user.id;
                // Everyone learns of the user, and the members of each default room of its new member count.
                context.events.publish(events::userAdded(user));
                for (const RoomRecord& room : std::as_const(result->joinedRooms))
                    context.events.publish(events::memberJoined(room, user.id));
                // The address that created the account is one its owner signs in from (LoginThrottle).
                context.events.publish(
                    events::loginSucceeded(validation::usernameKey(username), session.peerAddress()));
                finishSignIn(session, tokenHash, user);
                session.sendResult(
                    id, { { key::User, userJson(context, user.id, user.username) }, { key::Token, token } });
            });
    });
}

void login(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    if (!admitAuthRequest(session, message))
        return;
    auto params = paramsOrReply<params::Credentials>(session, message, context);
    if (!params)
        return;
    const QString accountKey = validation::usernameKey(params->username);
    const QString address = session.peerAddress();
    const qint64 now = currentTimeMs();
    if (const qint64 wait = context.logins.retryAfterMs(accountKey, address, now); wait > 0)
        return session.sendError(message.id,
            RpcError::rateLimited(wait, QStringLiteral("Too many failed sign-ins; wait a moment and try again")));

    session.setAuthPending(true);
    const QJsonValue id = message.id;
    const QString password = params->password;
    const QString username = params->username;
    context.store.read<std::optional<UserRecord>>([username](StoreDb& db) { return db.userByName(username); }, &session,
        [&context, &session, id, password, accountKey, address](StoreDb::Result<std::optional<UserRecord>> found) {
            if (!found) {
                session.setAuthPending(false);
                return session.sendError(id, storeFailure(found.error()));
            }
            const std::optional<UserRecord> user = *found;
            // An unknown user costs a full verification too, so timing does not tell which names exist.
            const QString hash = user ? user->passwordHash : PasswordHasher::decoyHash();
            context.hasher.verifyAsync(
                hash, password, &session, [&context, &session, id, user, accountKey, address](bool matches) {
                    const qint64 now = currentTimeMs();
                    if (!matches || !user) {
                        context.events.publish(events::loginFailed(accountKey, address));
                        session.setAuthPending(false);
                        return session.sendError(id, RpcError::badCredentials());
                    }
                    if (user->disabled) {
                        session.setAuthPending(false);
                        return session.sendError(id, RpcError::accountDisabled());
                    }
                    context.events.publish(events::loginSucceeded(accountKey, address));
                    const QString token = SessionToken::generate();
                    const QByteArray tokenHash = SessionToken::hash(token);
                    const SessionRecord record { tokenHash, user->id, now, now + sessionLifetimeMs(context) };
                    context.store.write<bool>([record](StoreDb& db) { return db.createSession(record); }, &session,
                        [&context, &session, id, user, token, tokenHash](StoreDb::Result<bool> created) {
                            if (!created) {
                                session.setAuthPending(false);
                                return session.sendError(id, storeFailure(created.error()));
                            }
                            finishSignIn(session, tokenHash, *user);
                            session.sendResult(id,
                                { { key::User, userJson(context, user->id, user->username) }, { key::Token, token } });
                        });
                });
        });
}

void resume(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    if (!admitAuthRequest(session, message))
        return;
    auto params = paramsOrReply<params::Resume>(session, message, context);
    if (!params)
        return;
    session.setAuthPending(true);
    const QJsonValue id = message.id;
    const QByteArray tokenHash = SessionToken::hash(params->token);
    context.store.read<std::optional<ResumeLookup>>(
        [tokenHash](StoreDb& db) -> StoreDb::Result<std::optional<ResumeLookup>> {
            auto stored = db.sessionByTokenHash(tokenHash);
            if (!stored)
                return stored.error();
            if (!stored->has_value())
                return std::optional<ResumeLookup>();
            auto user = db.userById((*stored)->userId);
            if (!user)
                return user.error();
            if (!user->has_value())
                return std::optional<ResumeLookup>();
            return std::optional<ResumeLookup>(ResumeLookup { **stored, **user });
        },
        &session,
        [&context, &session, id, tokenHash](StoreDb::Result<std::optional<ResumeLookup>> found) {
            if (!found) {
                session.setAuthPending(false);
                return session.sendError(id, storeFailure(found.error()));
            }
            const qint64 now = currentTimeMs();
            if (!found->has_value() || (*found)->session.expiresAt <= now) {
                session.setAuthPending(false);
                return session.sendError(id, RpcError::tokenInvalid());
            }
            const UserRecord user = (*found)->user;
            if (user.disabled) {
                session.setAuthPending(false);
                return session.sendError(id, RpcError::accountDisabled());
            }
            // Sliding expiry, written at most once a day per token to keep resumes cheap.
            const qint64 renewed = now + sessionLifetimeMs(context);
            if (renewed - (*found)->session.expiresAt > 86400000) {
                context.store.write<bool>(
                    [tokenHash, renewed](StoreDb& db) { return db.extendSession(tokenHash, renewed); }, &context.hub,
                    [](StoreDb::Result<bool>) {});
            }
            finishSignIn(session, tokenHash, user);
            session.sendResult(id, { { key::User, userJson(context, user.id, user.username) } });
        });
}

void logout(ServerContext& context, ClientSession& session, const jsonrpc::Message& message)
{
    const QJsonValue id = message.id;
    const QByteArray tokenHash = session.tokenHash();
    session.deauthenticate();
    context.store.write<bool>([tokenHash](StoreDb& db) { return db.deleteSession(tokenHash); }, &session,
        [&session, id](StoreDb::Result<bool> deleted) {
            if (!deleted)
                return session.sendError(id, storeFailure(deleted.error()));
            session.sendResult(id, {});
        });
}

} // namespace

void registerAuthHandlers(RequestRouter& router, ServerContext& context)
{
    using Access = RequestRouter::Access;
    router.addRequest(protocol::method::AuthSignup, Access::Public, withContext(context, signup));
    router.addRequest(protocol::method::AuthLogin, Access::Public, withContext(context, login));
    router.addRequest(protocol::method::AuthResume, Access::Public, withContext(context, resume));
    router.addRequest(protocol::method::AuthLogout, Access::SignedIn, withContext(context, logout));
}

} // namespace chat::server
