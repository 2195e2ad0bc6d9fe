#pragma once

#include "BenchSetup.h"
#include "LoadClient.h"

#include <memory>
#include <vector>

// The users of one workload, their rooms and the server they talk to: chat-server (seeded through its
// store) or the ceiling server (rooms are URL paths). User u is in room u / membersPerRoom.
class Fleet {
public:
    struct Layout {
        int rooms = 0;
        int membersPerRoom = 2;
        bool direct = true; // pairs in direct rooms; else group rooms
        int loneUsers = 0; // further users in no room (idle, login storm)
        qint64 messagesPerRoom = 0; // seeded history (product only)
    };

    // The product runs on `topology`; with several nodes, user u connects to node (u + its room) % nodes:
    // the two users of a pair are on different nodes, and first members (senders) alternate between them.
    explicit Fleet(LoadClient::Kind kind, const BenchTopology& topology = {});
    ~Fleet();

    LoadClient::Kind kind() const { return m_kind; }
    bool isProduct() const { return m_kind == LoadClient::Kind::Product; }
    QString name() const { return isProduct() ? QStringLiteral("chat-server") : QStringLiteral("ceiling"); }

    bool start(const Layout& layout);
    // Opens connections for users [first, first + count) and, unless told otherwise, signs them in with
    // their stored session; false if not all made it.
    bool connectUsers(int first, int count, bool signIn = true, int timeoutMs = 600000);
    void disconnectAll();
    // Runs the event loop until the server has used under 2 % of a core for half a second (presence
    // fan-out after a mass connect has finished), so that nothing left over is measured.
    void waitForQuietServer(int timeoutMs = 120000);

    int users() const { return m_layout.rooms * m_layout.membersPerRoom + m_layout.loneUsers; }
    int roomOf(int user) const { return user / m_layout.membersPerRoom; }
    qint64 roomId(int room) const { return m_roomIds.value(room); }
    QString username(int user) const { return QStringLiteral("user%1").arg(user); }
    QUrl url() const { return m_server->url(); }
    LoadClient* client(int user) const { return m_clients.at(user).get(); }
    const BenchProcess& server() const { return *m_server; } // node 0 of a cluster
    // CPU time so far of every server-side process: each node, PostgreSQL, Redis; or the ceiling.
    QList<ProcessCpu> cpuSeconds() const;

    // A chat message from `user` to its room: messages.send on the product (acked() after the commit),
    // one frame on the ceiling (acked() at once: it has nothing to acknowledge).
    void send(int user, const QString& body, const std::function<void(bool ok)>& acked);

private:
    QUrl urlFor(int user) const;

    LoadClient::Kind m_kind;
    BenchTopology m_topology;
    Layout m_layout;
    std::unique_ptr<BenchSetup> m_product;
    std::unique_ptr<BenchProcess> m_ceiling;
    const BenchProcess* m_server = nullptr;
    QStringList m_tokens;
    QList<qint64> m_roomIds;
    std::vector<std::unique_ptr<LoadClient>> m_clients;
    qint64 m_nextClientId = 1;
};
