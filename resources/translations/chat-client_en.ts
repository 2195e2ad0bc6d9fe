<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuthErrorText</name>
    <message numerus="yes">
        <location filename="../../client/widgets/AuthErrorText.cpp" line="27"/>
        <source>Too many attempts. Please try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts. Please try again in %n second.</numerusform>
            <numerusform>Too many attempts. Please try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::AttachmentPreview</name>
    <message numerus="yes">
        <location filename="../../client/widgets/AttachmentPreview.cpp" line="68"/>
        <source>“%1” is left out: at most %n file(s) go with one message.</source>
        <translation>
            <numerusform>“%1” is left out: at most %n file goes with one message.</numerusform>
            <numerusform>“%1” is left out: at most %n files go with one message.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::ChatPane</name>
    <message numerus="yes">
        <location filename="../../client/widgets/ChatPane.cpp" line="289"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/ChatPane.cpp" line="402"/>
        <source>This message is too long: at most %n characters.</source>
        <translation>
            <numerusform>This message is too long: at most %n character.</numerusform>
            <numerusform>This message is too long: at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::MainWindow</name>
    <message numerus="yes">
        <location filename="../../client/widgets/MainWindow.cpp" line="378"/>
        <source>Chat — %n unread</source>
        <translation>
            <numerusform>Chat — %n unread</numerusform>
            <numerusform>Chat — %n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/MainWindow.cpp" line="431"/>
        <source>#%1 (%n member(s))</source>
        <translation>
            <numerusform>#%1 (%n member)</numerusform>
            <numerusform>#%1 (%n members)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::MessageActions</name>
    <message numerus="yes">
        <location filename="../../client/models/MessageActions.cpp" line="65"/>
        <source>A message can have at most %n characters.</source>
        <translation>
            <numerusform>A message can have at most %n character.</numerusform>
            <numerusform>A message can have at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::MessageDelegate</name>
    <message numerus="yes">
        <location filename="../../client/widgets/MessageDelegate.cpp" line="87"/>
        <source>Seen by %1 and %n other(s)</source>
        <translation>
            <numerusform>Seen by %1 and %n other</numerusform>
            <numerusform>Seen by %1 and %n others</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::RoomsModel</name>
    <message numerus="yes">
        <location filename="../../client/models/RoomsModel.cpp" line="36"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/models/RoomsModel.cpp" line="38"/>
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n unread</numerusform>
            <numerusform>%1, %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::SearchPanel</name>
    <message numerus="yes">
        <location filename="../../client/widgets/SearchPanel.cpp" line="260"/>
        <source>Type at least %n character(s)…</source>
        <translation>
            <numerusform>Type at least %n character…</numerusform>
            <numerusform>Type at least %n characters…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/SearchPanel.cpp" line="279"/>
        <source>%n+ message(s)</source>
        <translation>
            <numerusform>%n+ message</numerusform>
            <numerusform>%n+ messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/widgets/SearchPanel.cpp" line="279"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::SearchResultsModel</name>
    <message numerus="yes">
        <location filename="../../client/models/SearchResultsModel.cpp" line="198"/>
        <source>Type at least %n character(s) to search.</source>
        <translation>
            <numerusform>Type at least %n character to search.</numerusform>
            <numerusform>Type at least %n characters to search.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::TokenStore</name>
    <message numerus="yes">
        <location filename="../../client/connection/TokenStore.cpp" line="80"/>
        <location filename="../../client/connection/TokenStore.cpp" line="114"/>
        <source>The keychain did not answer within %n second(s).</source>
        <translation>
            <numerusform>The keychain did not answer within %n second.</numerusform>
            <numerusform>The keychain did not answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::client::UsersModel</name>
    <message numerus="yes">
        <location filename="../../client/models/UsersModel.cpp" line="31"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
</TS>
