<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ark::api::ChatCall</name>
    <message>
        <source>The response is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One event of the stream is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the stream without [DONE].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected redirect (HTTP %1) to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data for %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::MainWindow</name>
    <message>
        <source>Ark Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Ark Workbench&lt;/h2&gt;&lt;p&gt;The conversation workspace is being built.&lt;/p&gt;&lt;p&gt;Meanwhile, chat from a terminal with &lt;code&gt;ark-workbench-cli chat&lt;/code&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Ark Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Ark Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Ark Workbench %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A native workbench for chatting with, experimenting on and comparing large models.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
