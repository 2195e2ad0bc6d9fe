#include "SmallVolume.h"

#include <QDir>
#include <QFile>
#include <QStorageInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace chat::test {

namespace {

const char* const BallastName = "ballast";

QString lastError(const char* what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
}

bool writeFile(const char* path, const QByteArray& text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool written = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return written;
}

} // namespace

QString enterPrivateMountNamespace()
{
    if (::unshare(CLONE_NEWNS) != 0) {
        if (errno != EPERM)
            return lastError("unshare(CLONE_NEWNS)");
        // Not root: a user namespace of our own, in which we are root and may mount a tmpfs.
        const uid_t uid = ::getuid();
        const gid_t gid = ::getgid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return lastError("unshare(CLONE_NEWUSER | CLONE_NEWNS), needed to mount a tmpfs without root");
        if (!writeFile("/proc/self/setgroups", "deny")
            || !writeFile("/proc/self/uid_map", QByteArray::number(uid).prepend("0 ") + " 1")
            || !writeFile("/proc/self/gid_map", QByteArray::number(gid).prepend("0 ") + " 1"))
            return lastError("mapping the user namespace's ids");
    }
    // Mounts made from here on must not propagate back to the machine's namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return lastError("making the mount namespace private");
    return {};
}

SmallVolume::SmallVolume(int megabytes)
{
    if (!m_mountPoint.isValid()) {
        m_error = QStringLiteral("cannot create a mount point");
        return;
    }
    const QByteArray options = "size=" + QByteArray::number(megabytes) + "m,mode=0700";
    if (::mount("chat-test", QFile::encodeName(path()).constData(), "tmpfs", MS_NOSUID | MS_NODEV, options.constData())
        != 0) {
        m_error = lastError("mount -t tmpfs");
        return;
    }
    m_mounted = true;
}

SmallVolume::~SmallVolume()
{
    if (m_mounted)
        ::umount2(QFile::encodeName(path()).constData(), MNT_DETACH);
}

bool SmallVolume::fill()
{
    const QByteArray ballast = QFile::encodeName(QDir(path()).filePath(QLatin1String(BallastName)));
    const int fd = ::open(ballast.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        m_error = lastError("creating the ballast file");
        return false;
    }
    // Large pieces first, then single bytes, so that not even a partial page is left.
    const QByteArray piece(64 * 1024, 'x');
    bool full = false;
    for (qsizetype size = piece.size(); size >= 1 && !full; size /= 16) {
        while (true) {
            const ssize_t written = ::write(fd, piece.constData(), size_t(size));
            if (written < 0 && errno == ENOSPC)
                break;
            if (written < 0) {
                m_error = lastError("writing the ballast file");
                ::close(fd);
                return false;
            }
        }
        full = size == 1;
    }
    ::fsync(fd);
    ::close(fd);
    return true;
}

bool SmallVolume::free()
{
    return QFile::remove(QDir(path()).filePath(QLatin1String(BallastName)));
}

qint64 SmallVolume::availableBytes() const
{
    QStorageInfo storage(path());
    storage.refresh();
    return storage.bytesAvailable();
}

} // namespace chat::test
