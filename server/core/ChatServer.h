#pragma once

#include "Expected.h"
#include "config/ServerConfig.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace chat::server {

class Store;
class SearchIndexer;
class PasswordHasher;
class Directory;
class SessionHub;
class Listener;
class RequestRouter;
class EventBus;
class EventDispatcher;
class PresenceTracker;
class AdminEventTail;
class HttpEndpoint;
class Metrics;
class FileReclaimer;
struct FileService;
struct ServerContext;
struct ClusterEvent;

// The whole server in one object graph: store, auth, directory and the listening sockets.
// main() builds one; tests build one in-process on port 0.
class ChatServer : public QObject {
    Q_OBJECT
public:
    explicit ChatServer(const ServerConfig& config, QObject* parent = nullptr);
    ~ChatServer() override;

    // Opens and migrates the store, loads the directory, listens. Blocking; call once.
    Expected<bool, QString> start();
    // Stops accepting, closes every connection with "going away", commits queued writes.
    void stop();

    quint16 port() const;
    QUrl url() const;
    QString httpUrl() const; // the health and metrics listener; empty when [http] is off
    const ServerConfig& config() const { return m_config; }
    FileReclaimer& fileReclaimer() { return *m_fileReclaimer; }

private:
    Expected<bool, QString> loadDirectory();
    void connectEventPath();
    void applyToThrottles(const ClusterEvent& event);
    void registerMetrics();
    Expected<bool, QString> startHttp();
    void probeStore();
    void houseKeep();

    ServerConfig m_config;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SearchIndexer> m_searchIndexer;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<Directory> m_directory;
    std::unique_ptr<SessionHub> m_hub;
    std::unique_ptr<PresenceTracker> m_presence;
    std::unique_ptr<FileService> m_files;
    std::unique_ptr<FileReclaimer> m_fileReclaimer;
    std::unique_ptr<EventBus> m_bus;
    std::unique_ptr<EventDispatcher> m_dispatcher;
    std::unique_ptr<AdminEventTail> m_adminTail;
    std::unique_ptr<RequestRouter> m_router;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<HttpEndpoint> m_http;
    QTimer m_storeProbe;
    bool m_storeHealthy = false;
    std::unique_ptr<ServerContext> m_context;
    std::unique_ptr<Listener> m_listener;
    QTimer m_houseKeeping;
    bool m_started = false;
};

} // namespace chat::server
