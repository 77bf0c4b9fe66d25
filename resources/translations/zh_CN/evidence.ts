<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence pack</source>
        <translation>证据包</translation>
    </message>
    <message>
        <source>One PDF with the chronological record: log entries with their corrections, letters with fingerprints and signatures, commitments, and the attachments with their SHA-256.</source>
        <translation>将按时间顺序排列的记录导出为一个 PDF：沟通记录及其更正、带指纹和签署状态的函件、承诺事项，以及附件及其 SHA-256。</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The project&apos;s document language</source>
        <translation>项目的文档语言</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Save the evidence pack</source>
        <translation>保存证据包</translation>
    </message>
    <message>
        <source>The range cannot end before it starts.</source>
        <translation>截止日期不能早于起始日期。</translation>
    </message>
    <message>
        <source>Choose where to save the PDF.</source>
        <translation>请选择 PDF 的保存位置。</translation>
    </message>
    <message>
        <source>Evidence pack…</source>
        <translation>证据包…</translation>
    </message>
</context>
<context>
    <name>SearchEvidence</name>
    <message>
        <source>Evidence pack of these results…</source>
        <translation>用这些结果生成证据包…</translation>
    </message>
    <message>
        <source>Only log entries go into an evidence pack: set the kind to All kinds or Log.</source>
        <translation>证据包只收录沟通记录：请把类型设为“全部类型”或“沟通记录”。</translation>
    </message>
    <message>
        <source>Search first: the pack holds the log entries found.</source>
        <translation>请先搜索：证据包收录搜到的沟通记录。</translation>
    </message>
    <message>
        <source>None of these results is a log entry: a pack of search results holds log entries.</source>
        <translation>这些结果中没有沟通记录：搜索结果的证据包只收录沟通记录。</translation>
    </message>
    <message>
        <source>One PDF of the log entries found, with their corrections, letters and files.</source>
        <translation>把搜到的沟通记录连同更正、函件和附件生成一份 PDF。</translation>
    </message>
    <message>
        <source>A pack covers one project: found in several, you choose which.</source>
        <translation>一个证据包只涵盖一个项目：结果分属多个项目时，由您选择。</translation>
    </message>
    <message>
        <source>Collecting the log entries found…</source>
        <translation>正在收集搜到的沟通记录…</translation>
    </message>
    <message>
        <source>A pack covers one project. Which one?</source>
        <translation>一个证据包只涵盖一个项目。选择哪一个？</translation>
    </message>
    <message numerus="yes">
        <source>%n log entry(s)</source>
        <translation>
            <numerusform>%n 条沟通记录</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Search: &quot;%2&quot; (%3)</source>
        <translation>%1 · 搜索：“%2”(%3)</translation>
    </message>
</context>
</TS>
