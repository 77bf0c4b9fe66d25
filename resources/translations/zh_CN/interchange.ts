<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CalendarExportDialog</name>
    <message>
        <source>Calendar file</source>
        <translation>日历文件</translation>
    </message>
    <message>
        <source>This project (%1)</source>
        <translation>本项目（%1）</translation>
    </message>
    <message>
        <source>This project</source>
        <translation>本项目</translation>
    </message>
    <message>
        <source>Every project</source>
        <translation>所有项目</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>Choose where to save the calendar file.</source>
        <translation>请选择日历文件的保存位置。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Choose a file…</source>
        <translation>请选择文件…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 not imported.</source>
        <translation>新增 %1 条，更新 %2 条，未变 %3 条，未导入 %4 条。</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Scope item</source>
        <translation>范围条目</translation>
    </message>
    <message>
        <source>Exclusion</source>
        <translation>不包含事项</translation>
    </message>
    <message>
        <source>Summary task</source>
        <translation>摘要任务</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Non-working day</source>
        <translation>非工作日</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Import this task as a scope item</source>
        <translation>将此任务导入为范围条目</translation>
    </message>
</context>
<context>
    <name>InterchangeMenus</name>
    <message>
        <source>&amp;Microsoft Project…</source>
        <translation>Microsoft Project(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Scope from a spreadsheet…</source>
        <translation>从电子表格导入范围(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Calendar file (iCalendar)…</source>
        <translation>日历文件（iCalendar）(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Export a Microsoft Project plan</source>
        <translation>导出 Microsoft Project 计划</translation>
    </message>
    <message>
        <source>Microsoft Project XML (*.xml)</source>
        <translation>Microsoft Project XML (*.xml)</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>PlanImportDialog</name>
    <message>
        <source>Import a Microsoft Project plan</source>
        <translation>导入 Microsoft Project 计划</translation>
    </message>
    <message>
        <source>Microsoft Project XML (*.xml)</source>
        <translation>Microsoft Project XML (*.xml)</translation>
    </message>
    <message>
        <source>Milestones of the plan become milestones (baseline from the plan&apos;s baseline, forecast from its finish, actual from its actual finish); tick the tasks that should become scope items. The plan&apos;s calendar exceptions become the project&apos;s extra non-working days. Importing the same plan again updates what it brought in; issued letters never change.</source>
        <translation>计划中的里程碑导入为里程碑（基线日期取自计划的基线，预计日期取自完成日期，实际日期取自实际完成日期）；勾选要作为范围条目导入的任务。计划日历中的例外日期成为本项目额外的非工作日。再次导入同一计划会更新上次导入的内容；已签发的函件不会改变。</translation>
    </message>
    <message>
        <source>Import every task as a scope item</source>
        <translation>将所有任务导入为范围条目</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线日期</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预计日期</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际日期</translation>
    </message>
</context>
<context>
    <name>ScopeImportDialog</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title (required)</source>
        <translation>标题（必填）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>Effort (hours)</source>
        <translation>工作量（小时）</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Import scope from a spreadsheet</source>
        <translation>从电子表格导入范围</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>电子表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Scope items</source>
        <translation>范围条目</translation>
    </message>
    <message>
        <source>Exclusions</source>
        <translation>不包含事项</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Rows without a kind are</source>
        <translation>未注明类型的行视为</translation>
    </message>
    <message>
        <source>Which column holds what is remembered for this client. Dates: a date cell, 2026-03-31, 2026年3月31日 or 31/03/2026 (day first). Nothing is imported until every row can be.</source>
        <translation>各列的对应关系会为该客户记住。日期可以是日期单元格、2026-03-31、2026年3月31日或 31/03/2026（日在前）。所有行都能导入之前，不会导入任何内容。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>(the whole file)</source>
        <translation>（整个文件）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported (in red). Correct them in the spreadsheet and choose it again: nothing is imported until every row can be.</source>
        <translation>
            <numerusform>有 %n 行无法导入（红色显示）。请在电子表格中更正后重新选择：所有行都能导入之前，不会导入任何内容。</numerusform>
        </translation>
    </message>
</context>
</TS>
