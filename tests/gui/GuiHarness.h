#pragma once

#include "AppController.h"

#include <QModelIndex>
#include <QString>
#include <QUrl>

#include <memory>

class QAbstractItemView;

namespace chat::test {

// One desktop client, as a person would start it: tokens kept in the (test) settings, a quick backoff so
// reconnect tests do not wait long, and every model it shows under QAbstractItemModelTester.
std::unique_ptr<client::AppController> startClient();

// Types into the login dialog and presses Enter; QTRY-waits for the main window. Check
// QTest::currentTestFailed() after calling.
void signInThroughDialog(client::AppController& app, const QUrl& server, const QString& username,
    const QString& password = QStringLiteral("correct horse"));

void clickRow(QAbstractItemView* view, const QModelIndex& index);
void activate(QWidget* window);

} // namespace chat::test
