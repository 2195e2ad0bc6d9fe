#pragma once

#include "CertificateTrust.h"
#include "RpcResult.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <optional>

namespace chat::client {

// JSON-RPC 2.0 over one QWebSocket: numbered requests matched to their responses, a deadline per request,
// notifications passed on by name. Knows nothing about the chat protocol's meaning.
class RpcClient : public QObject {
    Q_OBJECT
public:
    explicit RpcClient(QObject* parent = nullptr);
    ~RpcClient() override;

    void open(const QUrl& url);
    void close();
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    // `done` runs once, with the result or an error; never if `context` is destroyed first.
    void call(const QString& method, const QJsonObject& params, QObject* context, RpcCallback done);
    void notify(const QString& method, const QJsonObject& params);
    // A binary frame (file chunks); dropped while not connected.
    void sendBinary(const QByteArray& frame);
    // Bytes queued on the socket, not yet written: file transfers keep it small so chat frames are not delayed.
    qint64 bytesToWrite() const;

    void setTimeout(int ms) { m_timeoutMs = ms; }

    // Why the last attempt's TLS handshake was refused, if it was: a certificate no trusted authority signed
    // (Unknown: the user may trust it) or not the one the user trusted here (Changed).
    struct CertificateProblem {
        CertificateTrust::Verdict verdict = CertificateTrust::Verdict::Unknown;
        QString fingerprint;
        QString details; // what verification said, e.g. "The certificate is self-signed, and untrusted"
    };
    const std::optional<CertificateProblem>& certificateProblem() const { return m_certificateProblem; }
    int pendingCalls() const { return int(m_pending.size()); }

Q_SIGNALS:
    void connected();
    void disconnected(const QString& why);
    void notificationReceived(const QString& method, const QJsonObject& params);
    void binaryReceived(const QByteArray& frame);

private:
    struct Pending {
        QPointer<QObject> context;
        RpcCallback done;
        qint64 deadline = 0;
    };

    void onTextMessage(const QString& text);
    void onSslErrors(const QList<QSslError>& errors);
    void onDisconnected();
    void expireOverdue();
    void failAll(const RpcError& error);
    void finish(qint64 id, const RpcResult& result);

    QWebSocket m_socket;
    QHash<qint64, Pending> m_pending;
    qint64 m_nextId = 1;
    int m_timeoutMs = 15000;
    QElapsedTimer m_clock;
    QTimer m_deadlineTimer;
    QTimer m_pingTimer;
    qint64 m_lastHeardMs = 0;
    QString m_lastSocketError;
    QUrl m_url;
    std::optional<CertificateProblem> m_certificateProblem;
    bool m_replacing = false;
};

} // namespace chat::client
