#pragma once

// hiredis's Qt adapter writes `private slots:`, a keyword that QT_NO_KEYWORDS removes; lend it for the
// include only. server/CMakeLists.txt runs moc on the adapter in a target of its own.
#ifndef slots
#define slots Q_SLOTS
#define CHAT_HIREDIS_LENT_SLOTS
#endif
#include <hiredis/adapters/qt.h>
#ifdef CHAT_HIREDIS_LENT_SLOTS
#undef slots
#undef CHAT_HIREDIS_LENT_SLOTS
#endif
