#pragma once

#include "Protocol.h"
#include "TestClient.h"
#include "TestServer.h"

#include <QJsonArray>

#include <memory>

namespace chat::test {

// Signs up a user on a fresh connection; null when anything fails (the caller QVERIFYs it).
inline std::unique_ptr<TestClient> signedUpClient(const TestServer& server, const QString& username)
{
    auto client = std::make_unique<TestClient>();
    if (!client->connectTo(server.url()) || !client->signup(username).ok())
        return nullptr;
    return client;
}

inline qint64 roomIdOf(const Reply& reply)
{
    return reply.result.value(protocol::key::Room).toObject().value(protocol::key::Id).toInteger();
}

inline QList<qint64> seqsOf(const QJsonArray& messages)
{
    QList<qint64> seqs;
    for (const QJsonValue& message : messages)
        seqs.append(message.toObject().value(protocol::key::Seq).toInteger());
    return seqs;
}

} // namespace chat::test
