#pragma once

#include "AppController.h"

#include <QModelIndex>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QAbstractItemView;
class QTemporaryDir;

namespace chat::client {
class ChatPane;
}
namespace chat::server {
struct ServerConfig;
}

namespace chat::test {

class TestClient;
class TestServer;

// Settings (window layout, server, tokens) in a folder of this run only: parallel runs must not share.
void useSettingsIn(const QTemporaryDir& folder, const QString& applicationName);

// One desktop client, as a person would start it: tokens kept in the (test) settings unless told otherwise, a quick
// backoff so reconnect tests do not wait long, and every model it shows under QAbstractItemModelTester.
std::unique_ptr<client::AppController> startClient(
    client::TokenStore::Backend tokens = client::TokenStore::Backend::Settings);

// Types into the login dialog and presses Enter; QTRY-waits for the main window. Check
// QTest::currentTestFailed() after calling.
void signInThroughDialog(client::AppController& app, const QUrl& server, const QString& username,
    const QString& password = QStringLiteral("correct horse"));

// signedUpClient() for the account, then startClient() and signInThroughDialog(); null if that failed.
std::unique_ptr<client::AppController> signUpAndSignIn(TestServer& server, const QString& username);

// A fresh server (`tweak` adjusts its config), bob signed up on the wire and alice signed in through the app, and their
// direct room open in alice's window; null if any of that failed.
client::ChatPane* openAliceWithBob(std::unique_ptr<TestServer>& server, std::unique_ptr<TestClient>& bob,
    std::unique_ptr<client::AppController>& app, const std::function<void(server::ServerConfig&)>& tweak = {});

// Opens the direct room with `userId` from the dock, as a person would, and waits for its history; null if it did not.
client::ChatPane* openDirect(client::AppController& app, qint64 userId);

void clickRow(QAbstractItemView* view, const QModelIndex& index);
void activate(QWidget* window);

} // namespace chat::test
