#pragma once

#include <QIcon>

namespace chat::client {

// The app's few icons, painted in code: Qt's SVG icon engine is an optional package on many systems,
// and these must never come out blank. (resources/icons/*.svg are the same drawings for desktop files.)
class Icons {
public:
    static QIcon app();
    static QIcon sidebar(const QPalette& palette);

    // The message actions (hover bar, context menu, composer banners), search and attaching a file, drawn in the
    // palette's text colour.
    enum class Action { Reply, React, Edit, Delete, Copy, Close, Search, Attach };
    static QIcon action(Action action, const QPalette& palette);
};

} // namespace chat::client
