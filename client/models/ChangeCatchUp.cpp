#include "ChangeCatchUp.h"

#include "ClientLogging.h"

namespace chat::client {

ChangeCatchUp::ChangeCatchUp(
    qint64 roomId, HistorySource* source, QObject* context, Apply apply, HeldChanged heldChanged)
    : m_roomId(roomId)
    , m_source(source)
    , m_context(context)
    , m_apply(std::move(apply))
    , m_heldChanged(std::move(heldChanged))
{
}

void ChangeCatchUp::setHeld(qint64 change)
{
    m_known = true;
    if (m_held == change)
        return;
    m_held = change;
    m_heldChanged(m_held);
}

bool ChangeCatchUp::noteLive(qint64 change)
{
    if (!m_known || change <= m_held)
        return false;
    if (change == m_held + 1) {
        setHeld(change);
        return false;
    }
    return true;
}

void ChangeCatchUp::run()
{
    if (!m_known)
        return; // the first page, when it lands, is up to date by itself
    if (m_running) {
        m_again = true; // the answer in flight may predate what made us ask
        return;
    }
    ask(m_held);
}

void ChangeCatchUp::ask(qint64 since)
{
    m_running = true;
    m_source->fetchChanges(
        m_roomId, since, PageSize, m_context, [this](const ChangesPage& page, const std::optional<QString>& error) {
            if (error) {
                m_running = false;
                m_again = false;
                qCInfo(lcSession) << "catching up on changes failed:" << *error; // a reconnect asks again
                return;
            }
            m_apply(page.messages);
            if (page.hasMore && !page.messages.isEmpty())
                return ask(page.messages.last().change);
            m_running = false;
            if (page.lastChange > m_held)
                setHeld(page.lastChange);
            if (std::exchange(m_again, false))
                run();
        });
}

} // namespace chat::client
