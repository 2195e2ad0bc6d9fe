<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuthErrorText</name>
    <message numerus="yes">
        <source>Too many attempts. Please try again in %n second(s).</source>
        <translation><numerusform>Too many attempts. Please try again in %n second.</numerusform><numerusform>Too many attempts. Please try again in %n seconds.</numerusform></translation>
    </message>
</context>
<context>
    <name>chat::client::ChatPane</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation><numerusform>%n member</numerusform><numerusform>%n members</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>This message is too long: at most %n characters.</source>
        <translation><numerusform>This message is too long: at most %n character.</numerusform><numerusform>This message is too long: at most %n characters.</numerusform></translation>
    </message>
</context>
<context>
    <name>chat::client::MainWindow</name>
    <message numerus="yes">
        <source>#%1 (%n member(s))</source>
        <translation><numerusform>#%1 (%n member)</numerusform><numerusform>#%1 (%n members)</numerusform></translation>
    </message>
</context>
<context>
    <name>chat::client::RoomsModel</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation><numerusform>%n member</numerusform><numerusform>%n members</numerusform></translation>
    </message>
</context>
<context>
    <name>chat::client::TokenStore</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s).</source>
        <translation><numerusform>The keychain did not answer within %n second.</numerusform><numerusform>The keychain did not answer within %n seconds.</numerusform></translation>
    </message>
</context>
</TS>
