#pragma once

#include <QString>
#include <QTemporaryDir>

namespace chat::test {

// Gives this process (and the processes it starts from now on) a mount namespace of its own, so that the
// volumes it mounts are seen by nobody else and vanish with it, even after a crash. As root it only unshares
// the mount namespace; otherwise it also enters a user namespace in which it may mount a tmpfs. Call it
// first thing in main(), before any thread exists. Empty on success, else why it failed.
QString enterPrivateMountNamespace();

// A real, small file system (tmpfs of `megabytes`) that a test can fill to the last byte and free again:
// writes to it then fail with ENOSPC, as on a full disk.
class SmallVolume {
public:
    explicit SmallVolume(int megabytes);
    ~SmallVolume(); // unmounts
    SmallVolume(const SmallVolume&) = delete;
    SmallVolume& operator=(const SmallVolume&) = delete;

    bool isMounted() const { return m_mounted; }
    QString errorString() const { return m_error; }
    QString path() const { return m_mountPoint.path(); }

    // Writes a ballast file until the volume has no byte left; false if it could not (see errorString()).
    bool fill();
    // Deletes the ballast: the space is back.
    bool free();
    qint64 availableBytes() const;

private:
    QTemporaryDir m_mountPoint;
    bool m_mounted = false;
    QString m_error;
};

} // namespace chat::test
