<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ClientDialog</name>
    <message>
        <source>Edit client</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>May sign for the client</source>
        <translation>可代表客户签字</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The language of the letters they read: new projects default to it</source>
        <translation>其阅读函件所用的语言：新项目默认采用此语言</translation>
    </message>
    <message>
        <source>Reads letters in</source>
        <translation>阅读函件的语言</translation>
    </message>
</context>
<context>
    <name>ContactModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>May sign</source>
        <translation>可签字</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%n on track</source>
        <translation>%n 个正常</translation>
    </message>
    <message>
        <source>%n at risk</source>
        <translation>%n 个有风险</translation>
    </message>
    <message>
        <source>%n overdue</source>
        <translation>%n 个已逾期</translation>
    </message>
    <message>
        <source>%n done</source>
        <translation>%n 个已完成</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>How the project stands</source>
        <translation>项目现状</translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Edit project…</source>
        <translation>编辑项目…</translation>
    </message>
    <message>
        <source>Edit client…</source>
        <translation>编辑客户…</translation>
    </message>
    <message>
        <source>Client contacts</source>
        <translation>客户联系人</translation>
    </message>
    <message>
        <source>No contacts yet. Add the people you deal with, and mark who may sign for the client.</source>
        <translation>还没有联系人。添加与您打交道的人，并标明谁可以代表客户签字。</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Contract value</source>
        <translation>合同金额</translation>
    </message>
    <message>
        <source>Contract period</source>
        <translation>合同期</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>文档语言</translation>
    </message>
    <message>
        <source>Delivery lead</source>
        <translation>交付负责人</translation>
    </message>
    <message>
        <source>Sales owner</source>
        <translation>销售负责人</translation>
    </message>
    <message>
        <source>Contracted effort</source>
        <translation>合同工作量</translation>
    </message>
    <message>
        <source>Goodwill budget</source>
        <translation>友情支持额度</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Expectations confirmed</source>
        <translation>期望书面确认</translation>
    </message>
    <message>
        <source>Change requests</source>
        <translation>变更请求</translation>
    </message>
    <message>
        <source>Goodwill used</source>
        <translation>友情支持已用</translation>
    </message>
    <message>
        <source>Scope-creep ratio</source>
        <translation>范围蔓延比</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>No milestones yet</source>
        <translation>还没有里程碑</translation>
    </message>
    <message>
        <source>%1 of %2 confirmed in writing</source>
        <translation>%2 项中已书面确认 %1 项</translation>
    </message>
    <message>
        <source>No expectations yet</source>
        <translation>还没有期望</translation>
    </message>
    <message>
        <source>No change requests yet</source>
        <translation>还没有变更请求</translation>
    </message>
    <message>
        <source>%1 h used; no goodwill budget set</source>
        <translation>已用 %1 小时；未设定友情支持额度</translation>
    </message>
    <message>
        <source>%1 h of %2 h (%3 %)</source>
        <translation>%2 小时中已用 %1 小时（%3 %）</translation>
    </message>
    <message>
        <source>No contracted effort set</source>
        <translation>未设定合同工作量</translation>
    </message>
    <message>
        <source>%1 % (%2 h accepted out of scope, %3 h contracted)</source>
        <translation>%1 %（接受的范围外工作 %2 小时，合同工作量 %3 小时）</translation>
    </message>
    <message numerus="yes">
        <source>%n change request(s) worked on without a decision</source>
        <translation>
            <numerusform>%n 项变更请求未经决定已在实施</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deferred B-item(s) waiting</source>
        <translation>
            <numerusform>%n 项延后处理的 B 类事项待处理</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>%1 (assigned when saved)</source>
        <translation>%1（保存时分配）</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>Archive %1?

It is hidden from the lists, never erased; you can restore it later.</source>
        <translation>归档 %1?

归档后不再显示在列表中，但不会删除；之后可以恢复。</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>New (Insert or Ctrl+N)</source>
        <translation>新建（Insert 或 Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit (Enter, F2 or double-click)</source>
        <translation>编辑（Enter、F2 或双击）</translation>
    </message>
    <message>
        <source>Archive (Delete): hidden, never erased</source>
        <translation>归档（Delete）：隐藏，不会删除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Bring an archived record back</source>
        <translation>恢复已归档的记录</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>Every recorded change of this record: who, when, before and after (Ctrl+H)</source>
        <translation>此记录的全部修改记录：操作人、时间、修改前后的内容 (Ctrl+H)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Filter the list</source>
        <translation>筛选列表</translation>
    </message>
    <message>
        <source>Show only the rows that contain every word typed here (/ from the list)</source>
        <translation>只显示包含此处所输入的全部词语的行（在列表中按 / 到此处）</translation>
    </message>
    <message>
        <source>Add the first one</source>
        <translation>添加第一条</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <source>%1 of %2 loaded</source>
        <translation>已加载 %1 / %2 条</translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>显示 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n archived</source>
        <translation>
            <numerusform>%n 条已归档</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Archived on %1</source>
        <translation>归档于 %1</translation>
    </message>
</context>
<context>
    <name>VoidReasonDialog</name>
    <message>
        <source>Undo: void the log entry</source>
        <translation>撤销：作废这条沟通记录</translation>
    </message>
    <message>
        <source>The entry stays in the log, marked as voided with your reason; it no longer counts. Redo brings it back.</source>
        <translation>该记录仍保留在沟通记录中，并标记为已作废及您的理由，不再计入。重做可将其恢复。</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Written by mistake</source>
        <translation>误记</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Void it</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Say why: the log keeps the entry with your reason.</source>
        <translation>请说明理由：沟通记录会连同理由保留该记录。</translation>
    </message>
</context>
</TS>
