<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search records</source>
        <translation>搜索记录</translation>
    </message>
    <message>
        <source>Words or &quot;a phrase&quot; in Chinese or English; all must match</source>
        <translation>输入中文或英文词语，或用引号括起短语；须全部匹配</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Include archived</source>
        <translation>包含已归档</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Change requests</source>
        <translation>变更请求</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>This project</source>
        <translation>本项目</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>This project (%1)</source>
        <translation>本项目（%1）</translation>
    </message>
    <message>
        <source>Type what to look for.</source>
        <translation>请输入要查找的内容。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No record contains all of these words.</source>
        <translation>没有记录同时包含这些词语。</translation>
    </message>
    <message>
        <source>More than %1 matches; the newest are listed. Add a word to narrow the search.</source>
        <translation>匹配超过 %1 条，仅列出最新的。请再加一个词语缩小范围。</translation>
    </message>
    <message numerus="yes">
        <source>Matches: %n</source>
        <translation>
            <numerusform>匹配：%n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>(only the beginning of a very long search text is used)</source>
        <translation>（搜索内容过长，只使用了开头部分）</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Found text</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <source>Log entry</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Change request</source>
        <translation>变更请求</translation>
    </message>
    <message>
        <source>Expectation</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>%1 (correction)</source>
        <translation>%1（更正）</translation>
    </message>
    <message>
        <source>%1 (corrected later)</source>
        <translation>%1（已被更正）</translation>
    </message>
    <message>
        <source>%1, archived</source>
        <translation>%1，已归档</translation>
    </message>
</context>
</TS>
