<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuthErrorText</name>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="12"/>
        <source>Wrong username or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="14"/>
        <source>That username is already taken. Please choose another one.</source>
        <translation>Dieser Benutzername ist schon vergeben. Bitte wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="16"/>
        <source>That password is too weak: %1</source>
        <translation>Dieses Passwort ist zu schwach: %1</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="18"/>
        <source>That username cannot be used: %1</source>
        <translation>Dieser Benutzername ist nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="20"/>
        <source>This account has been disabled. Ask the server&apos;s administrator.</source>
        <translation>Dieses Konto wurde deaktiviert. Wenden Sie sich an die Administration des Servers.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="22"/>
        <source>Your password was changed, so you were signed out everywhere. Sign in with the new one.</source>
        <translation>Ihr Passwort wurde geändert, daher wurden Sie überall abgemeldet. Melden Sie sich mit dem neuen an.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="24"/>
        <source>Your saved session has expired. Please sign in again.</source>
        <translation>Ihre gespeicherte Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/AuthErrorText.cpp" line="27"/>
        <source>Too many attempts. Please try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Versuche. Bitte versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Versuche. Bitte versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="30"/>
        <source>Cannot reach the server at %1. Check the address and that the server is running.</source>
        <translation>Der Server unter %1 ist nicht erreichbar. Prüfen Sie die Adresse und ob der Server läuft.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="33"/>
        <source>The certificate of %1 is not signed by an authority this computer trusts (%2).</source>
        <translation>Das Zertifikat von %1 ist von keiner Stelle signiert, der dieser Computer vertraut (%2).</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="36"/>
        <source>The certificate of %1 has changed since you trusted it, so Chat did not connect. Someone may be intercepting the connection. If your administrator replaced the certificate, compare its fingerprint with theirs: %2</source>
        <translation>Das Zertifikat von %1 hat sich geändert, seit Sie ihm vertraut haben; Chat hat sich deshalb nicht verbunden. Möglicherweise fängt jemand die Verbindung ab. Falls Ihre Administration das Zertifikat ersetzt hat, vergleichen Sie seinen Fingerabdruck mit ihrem: %2</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="42"/>
        <source>The server refused the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AuthErrorText.cpp" line="43"/>
        <source>Something went wrong (%1).</source>
        <translation>Etwas ist schiefgegangen (%1).</translation>
    </message>
</context>
<context>
    <name>ClientOptions</name>
    <message>
        <location filename="../../client/app/ClientOptions.cpp" line="10"/>
        <source>Desktop client for chat-server</source>
        <translation>Desktop-Client für chat-server</translation>
    </message>
    <message>
        <location filename="../../client/app/ClientOptions.cpp" line="14"/>
        <source>Keep settings and the saved session under &lt;name&gt;, e.g. to sign in a second user.</source>
        <translation>Einstellungen und gespeicherte Sitzung unter &lt;Name&gt; ablegen, z. B. um einen zweiten Benutzer anzumelden.</translation>
    </message>
    <message>
        <location filename="../../client/app/ClientOptions.cpp" line="14"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../client/app/ClientOptions.cpp" line="16"/>
        <source>Server address to offer, e.g. ws://host:7447.</source>
        <translation>Vorgeschlagene Serveradresse, z. B. ws://host:7447.</translation>
    </message>
    <message>
        <location filename="../../client/app/ClientOptions.cpp" line="16"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
</context>
<context>
    <name>FileErrorText</name>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="15"/>
        <source>The server has no room left for files. Ask its administrator.</source>
        <translation>Auf dem Server ist kein Platz mehr für Dateien. Wenden Sie sich an die Administration.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="16"/>
        <source>Your files on this server would pass your quota (%1 of %2 used).</source>
        <translation>Ihre Dateien auf diesem Server würden Ihr Kontingent überschreiten (%1 von %2 belegt).</translation>
    </message>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="23"/>
        <source>The file is too large: this server takes files up to %1.</source>
        <translation>Die Datei ist zu groß: Dieser Server nimmt Dateien bis %1 an.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="24"/>
        <source>The file is too large for this server.</source>
        <translation>Die Datei ist zu groß für diesen Server.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="29"/>
        <source>The file changed while it was being sent. Try again.</source>
        <translation>Die Datei hat sich während des Sendens geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="31"/>
        <source>The image has too many pixels for this server (at most %1 million).</source>
        <translation>Das Bild hat zu viele Pixel für diesen Server (höchstens %1 Millionen).</translation>
    </message>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="34"/>
        <source>The image is damaged: the server cannot read it.</source>
        <translation>Das Bild ist beschädigt: Der Server kann es nicht lesen.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="35"/>
        <source>The server refused the file.</source>
        <translation>Der Server hat die Datei abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="38"/>
        <source>You are not a member of this room any more.</source>
        <translation>Sie sind nicht mehr Mitglied dieses Raums.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="40"/>
        <source>The file is not there any more, or you may not have it.</source>
        <translation>Die Datei gibt es nicht mehr, oder Sie dürfen sie nicht laden.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/FileErrorText.cpp" line="41"/>
        <source>The file could not be sent.</source>
        <translation>Die Datei konnte nicht gesendet werden.</translation>
    </message>
</context>
<context>
    <name>chat::client::AppController</name>
    <message>
        <location filename="../../client/widgets/AppController.cpp" line="83"/>
        <source>The system keychain is not available, so your session is kept in this app&apos;s settings file instead.</source>
        <translation>Der Schlüsselbund des Systems ist nicht erreichbar, daher wird Ihre Sitzung stattdessen in der Einstellungsdatei dieser App gespeichert.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AppController.cpp" line="132"/>
        <source>Looking for your saved session…</source>
        <translation>Gespeicherte Sitzung wird gesucht…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AppController.cpp" line="278"/>
        <source>Certificate changed</source>
        <translation>Zertifikat geändert</translation>
    </message>
</context>
<context>
    <name>chat::client::AttachmentCards</name>
    <message>
        <location filename="../../client/widgets/AttachmentCards.cpp" line="118"/>
        <source>Downloading… %1 of %2</source>
        <translation>Wird geladen… %1 von %2</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentCards.cpp" line="120"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentCards.cpp" line="122"/>
        <source>%1 · Saved as %2</source>
        <translation>%1 · Gespeichert als %2</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentCards.cpp" line="124"/>
        <source>Download failed: %1</source>
        <translation>Download fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentCards.cpp" line="134"/>
        <source>%1 (%2 × %3, %4): click to view</source>
        <translation>%1 (%2 × %3, %4): zum Ansehen klicken</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentCards.cpp" line="141"/>
        <source>Downloading %1</source>
        <translation>%1 wird geladen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentCards.cpp" line="142"/>
        <source>%1 (%2): click to download</source>
        <translation>%1 (%2): zum Herunterladen klicken</translation>
    </message>
</context>
<context>
    <name>chat::client::AttachmentPreview</name>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="41"/>
        <source>“%1” does not exist.</source>
        <translation>„%1“ existiert nicht.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="43"/>
        <source>“%1” is a folder: only files can be sent.</source>
        <translation>„%1“ ist ein Ordner: Nur Dateien können gesendet werden.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="45"/>
        <source>“%1” cannot be read.</source>
        <translation>„%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="47"/>
        <source>“%1” is empty.</source>
        <translation>„%1“ ist leer.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="49"/>
        <source>“%1” is %2: this server takes files up to %3.</source>
        <translation>„%1“ ist %2 groß: Dieser Server nimmt Dateien bis %3 an.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="62"/>
        <source>Send files</source>
        <translation>Dateien senden</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="62"/>
        <source>Send to %1</source>
        <translation>An %1 senden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="68"/>
        <source>“%1” is left out: at most %n file(s) go with one message.</source>
        <translation>
            <numerusform>„%1“ wird weggelassen: Höchstens %n Datei passt zu einer Nachricht.</numerusform>
            <numerusform>„%1“ wird weggelassen: Höchstens %n Dateien passen zu einer Nachricht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="97"/>
        <source>Add a caption (optional)</source>
        <translation>Beschriftung hinzufügen (optional)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="98"/>
        <source>Caption</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="102"/>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="129"/>
        <source>Preview of %1</source>
        <translation>Vorschau von %1</translation>
    </message>
</context>
<context>
    <name>chat::client::AttachmentSender</name>
    <message>
        <location filename="../../client/widgets/AttachmentSender.cpp" line="41"/>
        <location filename="../../client/widgets/AttachmentSender.cpp" line="49"/>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/AttachmentSender.cpp" line="48"/>
        <source>Attach files (or drop them here, or paste an image)</source>
        <translation>Dateien anhängen (oder hierher ziehen oder ein Bild einfügen)</translation>
    </message>
</context>
<context>
    <name>chat::client::CertificatePrompt</name>
    <message>
        <location filename="../../client/widgets/CertificatePrompt.cpp" line="15"/>
        <source>Unknown certificate</source>
        <translation>Unbekanntes Zertifikat</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CertificatePrompt.cpp" line="16"/>
        <source>&lt;b&gt;%1 has a certificate that no authority this computer trusts has signed.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 hat ein Zertifikat, das keine Stelle signiert hat, der dieser Computer vertraut.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CertificatePrompt.cpp" line="21"/>
        <source>That is usual for a team&apos;s own server with a self-signed certificate. Trust it only if its SHA-256 fingerprint is the one your administrator gave you:

%1

Chat will remember it and refuse any other certificate from this server.</source>
        <translation>Das ist bei einem teameigenen Server mit selbst signiertem Zertifikat üblich. Vertrauen Sie ihm nur, wenn sein SHA-256-Fingerabdruck der ist, den Ihnen Ihre Administration genannt hat:

%1

Chat merkt es sich und lehnt jedes andere Zertifikat dieses Servers ab.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CertificatePrompt.cpp" line="27"/>
        <source>&amp;Trust and Connect</source>
        <translation>&amp;Vertrauen und verbinden</translation>
    </message>
</context>
<context>
    <name>chat::client::ChatConnection</name>
    <message>
        <location filename="../../client/connection/ChatConnection.cpp" line="186"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../client/connection/ChatConnection.cpp" line="188"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../../client/connection/ChatConnection.cpp" line="190"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../client/connection/ChatConnection.cpp" line="192"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../client/connection/ChatConnection.cpp" line="194"/>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../../client/connection/ChatConnection.cpp" line="275"/>
        <source>The server at %1 cannot be reached.</source>
        <translation>Der Server unter %1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../client/connection/ChatConnection.cpp" line="276"/>
        <source>The server at %1 cannot be reached: %2</source>
        <translation>Der Server unter %1 ist nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>chat::client::ChatPane</name>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="49"/>
        <source>New messages ↓</source>
        <translation>Neue Nachrichten ↓</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="54"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="62"/>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="67"/>
        <source>Room name</source>
        <translation>Raumname</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="71"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="83"/>
        <source>&amp;Copy text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="102"/>
        <source>Jump to new messages</source>
        <translation>Zu neuen Nachrichten springen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="107"/>
        <source>Typing indicator</source>
        <translation>Tippanzeige</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="116"/>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="117"/>
        <source>Send (Enter). Shift+Enter starts a new line.</source>
        <translation>Senden (Eingabe). Umschalt+Eingabe beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="142"/>
        <location filename="../../client/widgets/ChatPane.cpp" line="143"/>
        <source>Insert an emoji</source>
        <translation>Emoji einfügen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="166"/>
        <source>&lt;h3&gt;No conversation open&lt;/h3&gt;Pick someone in the people list, or a room, to start chatting.</source>
        <translation>&lt;h3&gt;Keine Unterhaltung geöffnet&lt;/h3&gt;Wählen Sie eine Person oder einen Raum, um zu chatten.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="219"/>
        <source>Your message could not be sent: %1</source>
        <translation>Ihre Nachricht konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="312"/>
        <source>Message %1 — Enter to send, Shift+Enter for a new line</source>
        <translation>Nachricht an %1 — Eingabe sendet, Umschalt+Eingabe für neue Zeile</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="312"/>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="316"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="316"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/ChatPane.cpp" line="318"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/ChatPane.cpp" line="433"/>
        <source>This message is too long: at most %n characters.</source>
        <translation>
            <numerusform>Diese Nachricht ist zu lang: höchstens %n Zeichen.</numerusform>
            <numerusform>Diese Nachricht ist zu lang: höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="616"/>
        <source>%1 is typing…</source>
        <translation>%1 tippt…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ChatPane.cpp" line="618"/>
        <source>%1 are typing…</source>
        <translation>%1 tippen…</translation>
    </message>
</context>
<context>
    <name>chat::client::Composer</name>
    <message>
        <location filename="../../client/widgets/Composer.cpp" line="18"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>chat::client::ComposerBanner</name>
    <message>
        <location filename="../../client/widgets/ComposerBanner.cpp" line="27"/>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ComposerBanner.cpp" line="28"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ComposerBanner.cpp" line="46"/>
        <source>Replying to &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Antwort an &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ComposerBanner.cpp" line="56"/>
        <source>&lt;b&gt;Editing message&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nachricht bearbeiten&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ComposerBanner.cpp" line="57"/>
        <source>Enter to save, Esc to cancel</source>
        <translation>Eingabe speichert, Esc bricht ab</translation>
    </message>
</context>
<context>
    <name>chat::client::CredentialsForm</name>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="17"/>
        <source>&amp;Keep me signed in</source>
        <translation>&amp;Angemeldet bleiben</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="24"/>
        <source>ws://chat.example.org:7447</source>
        <translation>ws://chat.example.org:7447</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="25"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="26"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="27"/>
        <source>Your name on this server</source>
        <translation>Ihr Name auf diesem Server</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="28"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="30"/>
        <source>Stores a session token in the system keychain</source>
        <translation>Speichert ein Sitzungstoken im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="34"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="54"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="55"/>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../../client/widgets/CredentialsForm.cpp" line="56"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>chat::client::EmojiPicker</name>
    <message>
        <location filename="../../client/widgets/EmojiPicker.cpp" line="38"/>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <location filename="../../client/widgets/EmojiPicker.cpp" line="41"/>
        <source>Choose an emoji</source>
        <translation>Emoji auswählen</translation>
    </message>
</context>
<context>
    <name>chat::client::FileDownload</name>
    <message>
        <location filename="../../client/connection/FileDownload.cpp" line="62"/>
        <source>The folder %1 cannot be created</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../../client/connection/FileDownload.cpp" line="67"/>
        <location filename="../../client/connection/FileDownload.cpp" line="129"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../../client/connection/FileDownload.cpp" line="147"/>
        <source>The download of %1 was damaged on the way</source>
        <translation>Der Download von %1 wurde unterwegs beschädigt</translation>
    </message>
</context>
<context>
    <name>chat::client::FileUpload</name>
    <message>
        <location filename="../../client/connection/FileUpload.cpp" line="71"/>
        <location filename="../../client/connection/FileUpload.cpp" line="158"/>
        <location filename="../../client/connection/FileUpload.cpp" line="171"/>
        <source>The file cannot be read: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../../client/connection/FileUpload.cpp" line="174"/>
        <source>The file changed while it was being sent</source>
        <translation>Die Datei hat sich während des Sendens geändert</translation>
    </message>
</context>
<context>
    <name>chat::client::ImageViewer</name>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="37"/>
        <source>Save image</source>
        <translation>Bild speichern</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="42"/>
        <source>%1 (%2 × %3)</source>
        <translation>%1 (%2 × %3)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="52"/>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="53"/>
        <source>Fit the image to the window (0)</source>
        <translation>Bild in das Fenster einpassen (0)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="55"/>
        <source>&amp;Actual size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="56"/>
        <source>Show the image at its actual size (1)</source>
        <translation>Bild in Originalgröße zeigen (1)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="58"/>
        <source>&amp;Save as…</source>
        <translation>&amp;Speichern unter…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="59"/>
        <source>Save the image to a file (Ctrl+S)</source>
        <translation>Bild in eine Datei speichern (Strg+S)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="96"/>
        <source>Loading… %1 of %2</source>
        <translation>Wird geladen… %1 von %2</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="126"/>
        <source>The image cannot be shown.</source>
        <translation>Das Bild kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="172"/>
        <source>The image could not be saved to %1.</source>
        <translation>Das Bild konnte nicht unter %1 gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ImageViewer.cpp" line="175"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
</context>
<context>
    <name>chat::client::LoginDialog</name>
    <message>
        <location filename="../../client/widgets/LoginDialog.cpp" line="20"/>
        <source>Sign in — Chat</source>
        <translation>Anmelden — Chat</translation>
    </message>
    <message>
        <location filename="../../client/widgets/LoginDialog.cpp" line="22"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../client/widgets/LoginDialog.cpp" line="24"/>
        <source>&lt;h2&gt;Welcome back&lt;/h2&gt;Sign in to your team&apos;s chat server.</source>
        <translation>&lt;h2&gt;Willkommen zurück&lt;/h2&gt;Melden Sie sich am Chat-Server Ihres Teams an.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/LoginDialog.cpp" line="28"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location filename="../../client/widgets/LoginDialog.cpp" line="30"/>
        <source>&amp;Create account…</source>
        <translation>Konto &amp;erstellen…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/LoginDialog.cpp" line="32"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../client/widgets/LoginDialog.cpp" line="51"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/LoginDialog.cpp" line="65"/>
        <source>Enter the server&apos;s address, e.g. ws://chat.example.org:7447.</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. ws://chat.example.org:7447.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/LoginDialog.cpp" line="67"/>
        <source>Enter your username and password.</source>
        <translation>Geben Sie Benutzername und Passwort ein.</translation>
    </message>
</context>
<context>
    <name>chat::client::MainWindow</name>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="57"/>
        <source>&amp;Reconnect now</source>
        <translation>Jetzt neu &amp;verbinden</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="58"/>
        <source>&amp;Close to tray</source>
        <translation>Beim Schließen in den &amp;Infobereich</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="78"/>
        <source>&amp;People and rooms</source>
        <translation>&amp;Personen und Räume</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="79"/>
        <source>Show or hide the people and rooms sidebar (Ctrl+B)</source>
        <translation>Seitenleiste mit Personen und Räumen ein- oder ausblenden (Strg+B)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="84"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="91"/>
        <source>Try to reach the server now instead of waiting (Ctrl+R)</source>
        <translation>Den Server sofort erneut versuchen, statt zu warten (Strg+R)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="95"/>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="97"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="100"/>
        <source>&amp;Log out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="104"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="111"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="115"/>
        <source>Closing the window keeps Chat running in the tray, when the desktop has one</source>
        <translation>Schließen des Fensters lässt Chat im Infobereich weiterlaufen, sofern der Desktop einen hat</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="121"/>
        <source>&amp;Find person…</source>
        <translation>Person &amp;suchen…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="129"/>
        <source>&amp;Go to conversation…</source>
        <translation>&amp;Gehe zu Unterhaltung…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="132"/>
        <source>&amp;Previous conversation</source>
        <translation>&amp;Vorherige Unterhaltung</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="135"/>
        <source>&amp;Next conversation</source>
        <translation>&amp;Nächste Unterhaltung</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="139"/>
        <source>&amp;Rooms</source>
        <translation>&amp;Räume</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="140"/>
        <source>&amp;Create room…</source>
        <translation>Raum &amp;erstellen…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="143"/>
        <source>&amp;Join room…</source>
        <translation>Raum &amp;beitreten…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="150"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="151"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="156"/>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="181"/>
        <source>Leave room</source>
        <translation>Raum verlassen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="181"/>
        <source>Leave %1?</source>
        <translation>%1 verlassen?</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="212"/>
        <source>&amp;Search this room…</source>
        <translation>In diesem Raum &amp;suchen…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="215"/>
        <source>Search &amp;all rooms…</source>
        <translation>In &amp;allen Räumen suchen…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="217"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="218"/>
        <source>Search the messages of every room (Ctrl+Shift+F); Ctrl+F searches the open room</source>
        <translation>Die Nachrichten aller Räume durchsuchen (Strg+Umschalt+F); Strg+F durchsucht den offenen Raum</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="357"/>
        <source>Chat is still running</source>
        <translation>Chat läuft weiter</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="357"/>
        <source>New messages will show here. Quit from this icon&apos;s menu.</source>
        <translation>Neue Nachrichten erscheinen hier. Beenden über das Menü dieses Symbols.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="375"/>
        <location filename="../../client/widgets/MainWindow.cpp" line="379"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="375"/>
        <source>%1 — Chat</source>
        <translation>%1 — Chat</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/MainWindow.cpp" line="379"/>
        <source>Chat — %n unread</source>
        <translation>
            <numerusform>Chat — %n ungelesen</numerusform>
            <numerusform>Chat — %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="391"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="410"/>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="417"/>
        <source>Create room</source>
        <translation>Raum erstellen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="417"/>
        <source>Room name:</source>
        <translation>Raumname:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/MainWindow.cpp" line="432"/>
        <source>#%1 (%n member(s))</source>
        <translation>
            <numerusform>#%1 (%n Mitglied)</numerusform>
            <numerusform>#%1 (%n Mitglieder)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="436"/>
        <location filename="../../client/widgets/MainWindow.cpp" line="440"/>
        <source>Join room</source>
        <translation>Raum beitreten</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="436"/>
        <source>You are already in every room on this server.</source>
        <translation>Sie sind bereits in jedem Raum dieses Servers.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MainWindow.cpp" line="440"/>
        <source>Room:</source>
        <translation>Raum:</translation>
    </message>
</context>
<context>
    <name>chat::client::MentionCompleter</name>
    <message>
        <location filename="../../client/widgets/MentionCompleter.cpp" line="34"/>
        <source>People to mention</source>
        <translation>Personen zum Erwähnen</translation>
    </message>
</context>
<context>
    <name>chat::client::MessageActionBar</name>
    <message>
        <location filename="../../client/widgets/MessageActionBar.cpp" line="16"/>
        <source>Message actions</source>
        <translation>Nachrichtenaktionen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageActionBar.cpp" line="28"/>
        <source>React with %1</source>
        <translation>Mit %1 reagieren</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageActionBar.cpp" line="35"/>
        <source>Add a reaction</source>
        <translation>Reaktion hinzufügen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageActionBar.cpp" line="36"/>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageActionBar.cpp" line="37"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageActionBar.cpp" line="38"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageActionBar.cpp" line="39"/>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
</context>
<context>
    <name>chat::client::MessageActions</name>
    <message>
        <location filename="../../client/models/MessageActions.cpp" line="62"/>
        <source>A message cannot be empty: delete it instead.</source>
        <translation>Eine Nachricht kann nicht leer sein: Löschen Sie sie stattdessen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/models/MessageActions.cpp" line="65"/>
        <source>A message can have at most %n characters.</source>
        <translation>
            <numerusform>Eine Nachricht kann höchstens %n Zeichen haben.</numerusform>
            <numerusform>Eine Nachricht kann höchstens %n Zeichen haben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/models/MessageActions.cpp" line="96"/>
        <source>That message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../../client/models/MessageActions.cpp" line="98"/>
        <source>That message is too old to be edited; it can still be deleted.</source>
        <translation>Diese Nachricht ist zu alt zum Bearbeiten; löschen lässt sie sich noch.</translation>
    </message>
    <message>
        <location filename="../../client/models/MessageActions.cpp" line="100"/>
        <source>That message has as many different reactions as it can take.</source>
        <translation>Diese Nachricht hat schon so viele verschiedene Reaktionen, wie möglich sind.</translation>
    </message>
    <message>
        <location filename="../../client/models/MessageActions.cpp" line="102"/>
        <source>You cannot change that message.</source>
        <translation>Sie können diese Nachricht nicht ändern.</translation>
    </message>
</context>
<context>
    <name>chat::client::MessageDelegate</name>
    <message>
        <location filename="../../client/widgets/MessageDelegate.cpp" line="83"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageDelegate.cpp" line="85"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageDelegate.cpp" line="92"/>
        <location filename="../../client/widgets/MessageDelegate.cpp" line="500"/>
        <source>Seen by %1</source>
        <translation>Gesehen von %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/MessageDelegate.cpp" line="93"/>
        <source>Seen by %1 and %n other(s)</source>
        <translation>
            <numerusform>Gesehen von %1 und %n weiteren Person</numerusform>
            <numerusform>Gesehen von %1 und %n weiteren Personen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageDelegate.cpp" line="103"/>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageDelegate.cpp" line="351"/>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageDelegate.cpp" line="374"/>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageDelegate.cpp" line="505"/>
        <source>Go to the original message</source>
        <translation>Zur ursprünglichen Nachricht</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageDelegate.cpp" line="528"/>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
</context>
<context>
    <name>chat::client::MessageInteractions</name>
    <message>
        <location filename="../../client/widgets/MessageInteractions.cpp" line="200"/>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageInteractions.cpp" line="201"/>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation>Diese Nachricht für alle löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageInteractions.cpp" line="204"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageInteractions.cpp" line="247"/>
        <source>Re&amp;act</source>
        <translation>Re&amp;agieren</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageInteractions.cpp" line="253"/>
        <source>&amp;More reactions…</source>
        <translation>&amp;Weitere Reaktionen…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageInteractions.cpp" line="256"/>
        <source>&amp;Reply</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageInteractions.cpp" line="260"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageInteractions.cpp" line="264"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/MessageInteractions.cpp" line="270"/>
        <source>&amp;Copy text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>chat::client::MessageModel</name>
    <message>
        <location filename="../../client/models/MessageModel.cpp" line="91"/>
        <source>attached: %1</source>
        <translation>angehängt: %1</translation>
    </message>
    <message>
        <location filename="../../client/models/MessageModel.cpp" line="110"/>
        <source>%1 at %2: %3</source>
        <translation>%1 um %2: %3</translation>
    </message>
</context>
<context>
    <name>chat::client::PeopleDock</name>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="45"/>
        <location filename="../../client/widgets/PeopleDock.cpp" line="63"/>
        <location filename="../../client/widgets/PeopleDock.cpp" line="136"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="51"/>
        <source>People and rooms</source>
        <translation>Personen und Räume</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="56"/>
        <source>Filter people…</source>
        <translation>Personen filtern…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="57"/>
        <source>Filter people</source>
        <translation>Personen filtern</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="80"/>
        <location filename="../../client/widgets/PeopleDock.cpp" line="125"/>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="112"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="112"/>
        <source>Create a room</source>
        <translation>Einen Raum erstellen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="113"/>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="113"/>
        <source>Join a room</source>
        <translation>Einem Raum beitreten</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="114"/>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="114"/>
        <source>Leave the selected room</source>
        <translation>Den ausgewählten Raum verlassen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="233"/>
        <source>Notify me about</source>
        <translation>Benachrichtigen bei</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="236"/>
        <source>&amp;All messages</source>
        <translation>&amp;Allen Nachrichten</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="237"/>
        <source>&amp;Mentions only</source>
        <translation>Nur &amp;Erwähnungen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="237"/>
        <source>&amp;Nothing (mute)</source>
        <translation>&amp;Nichts (stumm)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/PeopleDock.cpp" line="251"/>
        <source>&amp;Leave room…</source>
        <translation>Raum &amp;verlassen…</translation>
    </message>
</context>
<context>
    <name>chat::client::QuickSwitcher</name>
    <message>
        <location filename="../../client/widgets/QuickSwitcher.cpp" line="31"/>
        <source>Go to conversation — Chat</source>
        <translation>Gehe zu Unterhaltung — Chat</translation>
    </message>
    <message>
        <location filename="../../client/widgets/QuickSwitcher.cpp" line="32"/>
        <source>Room or person…</source>
        <translation>Raum oder Person…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/QuickSwitcher.cpp" line="33"/>
        <source>Room or person</source>
        <translation>Raum oder Person</translation>
    </message>
    <message>
        <location filename="../../client/widgets/QuickSwitcher.cpp" line="36"/>
        <source>Matching conversations</source>
        <translation>Passende Unterhaltungen</translation>
    </message>
</context>
<context>
    <name>chat::client::ReactionChips</name>
    <message>
        <location filename="../../client/widgets/ReactionChips.cpp" line="118"/>
        <source>%1 reacted with %2</source>
        <translation>%2 von %1</translation>
    </message>
</context>
<context>
    <name>chat::client::ReplyQuote</name>
    <message>
        <location filename="../../client/widgets/ReplyQuote.cpp" line="27"/>
        <source>Original message deleted</source>
        <translation>Ursprüngliche Nachricht gelöscht</translation>
    </message>
</context>
<context>
    <name>chat::client::RoomsModel</name>
    <message numerus="yes">
        <location filename="../../client/models/RoomsModel.cpp" line="36"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/models/RoomsModel.cpp" line="38"/>
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n ungelesen</numerusform>
            <numerusform>%1, %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::RpcClient</name>
    <message>
        <location filename="../../client/connection/RpcClient.cpp" line="104"/>
        <source>Not connected to the server</source>
        <translation>Nicht mit dem Server verbunden</translation>
    </message>
    <message>
        <location filename="../../client/connection/RpcClient.cpp" line="153"/>
        <location filename="../../client/connection/RpcClient.cpp" line="157"/>
        <source>The connection to the server was lost</source>
        <translation>Die Verbindung zum Server wurde unterbrochen</translation>
    </message>
    <message>
        <location filename="../../client/connection/RpcClient.cpp" line="170"/>
        <source>The server did not answer in time</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet</translation>
    </message>
</context>
<context>
    <name>chat::client::SearchPanel</name>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="48"/>
        <source>This room</source>
        <translation>Dieser Raum</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="49"/>
        <source>All rooms</source>
        <translation>Alle Räume</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="59"/>
        <location filename="../../client/widgets/SearchPanel.cpp" line="62"/>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="61"/>
        <source>Search messages…</source>
        <translation>Nachrichten durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="68"/>
        <source>Close search (Esc)</source>
        <translation>Suche schließen (Esc)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="69"/>
        <source>Close search</source>
        <translation>Suche schließen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="76"/>
        <source>Search every room you are in (Ctrl+Shift+F)</source>
        <translation>Alle Räume durchsuchen, in denen Sie sind (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="81"/>
        <source>Sent by</source>
        <translation>Gesendet von</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="84"/>
        <source>Sent when</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="85"/>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="86"/>
        <source>Past week</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="87"/>
        <source>Past month</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="88"/>
        <source>Past year</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="111"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="225"/>
        <source>From anyone</source>
        <translation>Von allen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="232"/>
        <source>From me</source>
        <translation>Von mir</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="232"/>
        <source>From %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="245"/>
        <source>Search only %1 (Ctrl+F)</source>
        <translation>Nur %1 durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="245"/>
        <source>No room is open</source>
        <translation>Kein Raum ist geöffnet</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="262"/>
        <source>Search the messages of %1</source>
        <translation>Die Nachrichten von %1 durchsuchen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="263"/>
        <source>Search the messages of every room you are in</source>
        <translation>Die Nachrichten aller Räume durchsuchen, in denen Sie sind</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="264"/>
        <source>Any part of a word finds it: “ploy” finds “deployment”.</source>
        <translation>Jeder Teil eines Wortes findet es: „ploy“ findet „deployment“.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/SearchPanel.cpp" line="267"/>
        <source>Type at least %n character(s)…</source>
        <translation>
            <numerusform>Geben Sie mindestens %n Zeichen ein…</numerusform>
            <numerusform>Geben Sie mindestens %n Zeichen ein…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="271"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="275"/>
        <source>No messages in %1 match “%2”</source>
        <translation>Keine Nachricht in %1 passt zu „%2“</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="276"/>
        <source>No messages match “%1”</source>
        <translation>Keine Nachricht passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchPanel.cpp" line="278"/>
        <source>Check the spelling, or search all rooms and any time.</source>
        <translation>Prüfen Sie die Schreibweise, oder suchen Sie in allen Räumen und zu jeder Zeit.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/SearchPanel.cpp" line="286"/>
        <source>%n+ message(s)</source>
        <translation>
            <numerusform>%n+ Nachricht</numerusform>
            <numerusform>%n+ Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/SearchPanel.cpp" line="286"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::SearchResultDelegate</name>
    <message>
        <location filename="../../client/widgets/SearchResultDelegate.cpp" line="47"/>
        <source>Yesterday %1</source>
        <translation>Gestern %1</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchResultDelegate.cpp" line="48"/>
        <source>%1 %2</source>
        <comment>date, then time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SearchResultDelegate.cpp" line="54"/>
        <source>Direct message with %1</source>
        <translation>Direktnachricht mit %1</translation>
    </message>
</context>
<context>
    <name>chat::client::SearchResultsModel</name>
    <message numerus="yes">
        <location filename="../../client/models/SearchResultsModel.cpp" line="198"/>
        <source>Type at least %n character(s) to search.</source>
        <translation>
            <numerusform>Geben Sie mindestens %n Zeichen ein, um zu suchen.</numerusform>
            <numerusform>Geben Sie mindestens %n Zeichen ein, um zu suchen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/models/SearchResultsModel.cpp" line="201"/>
        <source>Searching too often; trying again in a moment…</source>
        <translation>Zu viele Suchen in kurzer Zeit; gleich wird es erneut versucht…</translation>
    </message>
    <message>
        <location filename="../../client/models/SearchResultsModel.cpp" line="203"/>
        <source>This server cannot search messages.</source>
        <translation>Dieser Server kann keine Nachrichten durchsuchen.</translation>
    </message>
    <message>
        <location filename="../../client/models/SearchResultsModel.cpp" line="205"/>
        <source>You are no longer a member of that room.</source>
        <translation>Sie sind nicht mehr Mitglied dieses Raums.</translation>
    </message>
</context>
<context>
    <name>chat::client::SettingsDialog</name>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="17"/>
        <source>Show a &amp;pop-up for new messages</source>
        <translation>&amp;Hinweis bei neuen Nachrichten anzeigen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="18"/>
        <source>Play a &amp;sound</source>
        <translation>&amp;Ton abspielen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="19"/>
        <source>Only while the window is &amp;not focused</source>
        <translation>Nur wenn das Fenster &amp;nicht aktiv ist</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="20"/>
        <source>Start &amp;minimised to the tray</source>
        <translation>&amp;Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="21"/>
        <source>&amp;Closing the window keeps Chat in the tray</source>
        <translation>&amp;Schließen des Fensters lässt Chat im Infobereich</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="26"/>
        <source>Settings — Chat</source>
        <translation>Einstellungen — Chat</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="27"/>
        <source>ws://chat.example.org:7447</source>
        <translation>ws://chat.example.org:7447</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="28"/>
        <source>Used from the next sign-in</source>
        <translation>Gilt ab der nächsten Anmeldung</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="29"/>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="33"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="30"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="31"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="34"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="37"/>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="38"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="42"/>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="47"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SettingsDialog.cpp" line="48"/>
        <source>Message &amp;font size:</source>
        <translation>&amp;Schriftgröße der Nachrichten:</translation>
    </message>
</context>
<context>
    <name>chat::client::ShortcutsDialog</name>
    <message>
        <location filename="../../client/widgets/ShortcutsDialog.cpp" line="15"/>
        <source>Keyboard shortcuts — Chat</source>
        <translation>Tastenkürzel — Chat</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ShortcutsDialog.cpp" line="17"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ShortcutsDialog.cpp" line="17"/>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../client/widgets/ShortcutsDialog.cpp" line="23"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>chat::client::SignupDialog</name>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="22"/>
        <source>Create account — Chat</source>
        <translation>Konto erstellen — Chat</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="24"/>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="26"/>
        <source>&lt;h2&gt;Create your account&lt;/h2&gt;Pick a username your team will recognise.</source>
        <translation>&lt;h2&gt;Konto erstellen&lt;/h2&gt;Wählen Sie einen Benutzernamen, den Ihr Team erkennt.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="29"/>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="30"/>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="31"/>
        <source>At least 8 characters</source>
        <translation>Mindestens 8 Zeichen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="37"/>
        <source>&amp;Create account</source>
        <translation>Konto &amp;erstellen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="53"/>
        <source>Creating your account…</source>
        <translation>Ihr Konto wird erstellt…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="63"/>
        <source>Enter the server&apos;s address, e.g. ws://chat.example.org:7447.</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. ws://chat.example.org:7447.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="65"/>
        <source>Choose a username and a password.</source>
        <translation>Wählen Sie einen Benutzernamen und ein Passwort.</translation>
    </message>
    <message>
        <location filename="../../client/widgets/SignupDialog.cpp" line="67"/>
        <source>The two passwords do not match.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>chat::client::TokenStore</name>
    <message numerus="yes">
        <location filename="../../client/connection/TokenStore.cpp" line="80"/>
        <location filename="../../client/connection/TokenStore.cpp" line="114"/>
        <source>The keychain did not answer within %n second(s).</source>
        <translation>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunde geantwortet.</numerusform>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::TransferList</name>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="22"/>
        <source>File transfers</source>
        <translation>Dateiübertragungen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="42"/>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="44"/>
        <source>Waiting for the server…</source>
        <translation>Warte auf den Server…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="47"/>
        <source>The server did not take the last part; trying again…</source>
        <translation>Der Server hat den letzten Teil nicht angenommen; neuer Versuch folgt…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="48"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="51"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="53"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="57"/>
        <location filename="../../client/widgets/TransferList.cpp" line="116"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="71"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="71"/>
        <location filename="../../client/widgets/TransferList.cpp" line="109"/>
        <location filename="../../client/widgets/TransferList.cpp" line="113"/>
        <location filename="../../client/widgets/TransferList.cpp" line="117"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="74"/>
        <location filename="../../client/widgets/TransferList.cpp" line="105"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="104"/>
        <source>Downloading… %1 of %2</source>
        <translation>Wird geladen… %1 von %2</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="108"/>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TransferList.cpp" line="109"/>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
</context>
<context>
    <name>chat::client::TrayIcon</name>
    <message>
        <location filename="../../client/widgets/TrayIcon.cpp" line="16"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TrayIcon.cpp" line="17"/>
        <source>&amp;Open Chat</source>
        <translation>Chat &amp;öffnen</translation>
    </message>
    <message>
        <location filename="../../client/widgets/TrayIcon.cpp" line="23"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>chat::client::UsersModel</name>
    <message>
        <location filename="../../client/models/UsersModel.cpp" line="25"/>
        <source>%1 is online</source>
        <translation>%1 ist online</translation>
    </message>
    <message>
        <location filename="../../client/models/UsersModel.cpp" line="26"/>
        <source>%1 is offline</source>
        <translation>%1 ist offline</translation>
    </message>
    <message>
        <location filename="../../client/models/UsersModel.cpp" line="28"/>
        <source>%1, online</source>
        <translation>%1, online</translation>
    </message>
    <message>
        <location filename="../../client/models/UsersModel.cpp" line="29"/>
        <source>%1, offline</source>
        <translation>%1, offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/models/UsersModel.cpp" line="31"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/models/UsersModel.cpp" line="124"/>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
</context>
</TS>
