<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApprovalInboxDialog</name>
    <message>
        <source>Approval inbox</source>
        <translation>审批收件箱</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>变更请求</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>建议决定</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Approve or refuse…</source>
        <translation>批准或不予批准…</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>No decision waits for approval.</source>
        <translation>没有等待审批的决定。</translation>
    </message>
    <message>
        <source>Only a manager approves. These decisions wait for your manager&apos;s approval.</source>
        <translation>只有经理可以审批。这些决定正在等待您的上级审批。</translation>
    </message>
    <message>
        <source>Your approval is recorded under your name: %1.</source>
        <translation>您的审批将以您的名义记录：%1。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>SyncConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>共同原值</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>No sync conflicts: every change is on the team server or on its way.</source>
        <translation>没有同步冲突：所有更改都已在团队服务器上或正在上传。</translation>
    </message>
    <message>
        <source>refused by the team server</source>
        <translation>被团队服务器拒绝</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed on both sides</source>
        <translation>
            <numerusform>%n 个字段被双方修改</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo my change puts the team server&apos;s version back here; Send again tries once more.</source>
        <translation>“撤销我的更改”会恢复团队服务器上的版本；“重新发送”会再试一次。</translation>
    </message>
    <message>
        <source>Choose for every field, then Resolve. The choice goes up with the next sync.</source>
        <translation>为每个字段做出选择，然后点“解决”。选择结果随下次同步上传。</translation>
    </message>
    <message>
        <source>Undo my change</source>
        <translation>撤销我的更改</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Select one field to type its value.</source>
        <translation>请选择一个字段再输入其值。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>This computer has no token for the team server.</source>
        <translation>本机没有团队服务器的令牌。</translation>
    </message>
    <message>
        <source>Resolved. It goes up to the team server with the next sync.</source>
        <translation>已解决，将随下次同步上传到团队服务器。</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Sync conflicts…</source>
        <translation>同步冲突…</translation>
    </message>
    <message>
        <source>Team server: %1 — click to sync now</source>
        <translation>团队服务器：%1——点击立即同步</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 项更改待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamServerPanel</name>
    <message>
        <source>A team server holds everyone&apos;s record. You keep working offline; DeliveryDesk syncs in the background when the server can be reached. Your administrator gives you the address and a token for this computer.</source>
        <translation>团队服务器保存全体成员的记录。您可以继续离线工作；能连上服务器时，DeliveryDesk 会在后台同步。服务器地址和本机令牌由管理员提供。</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Leave the team server</source>
        <translation>退出团队服务器</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Device token</source>
        <translation>设备令牌</translation>
    </message>
    <message>
        <source>The team (from the server)</source>
        <translation>团队成员（来自服务器）</translation>
    </message>
    <message>
        <source>kept on this computer (type a new one to replace it)</source>
        <translation>已保存在本机（输入新令牌可替换）</translation>
    </message>
    <message>
        <source>Joined as %1 (%2). Authority limits come from the team server.</source>
        <translation>已以 %1（%2）身份加入。授权额度来自团队服务器。</translation>
    </message>
    <message>
        <source>This computer has not joined a team server.</source>
        <translation>本机尚未加入团队服务器。</translation>
    </message>
    <message>
        <source>Type the server&apos;s address first.</source>
        <translation>请先输入服务器地址。</translation>
    </message>
    <message>
        <source>Type this device&apos;s token.</source>
        <translation>请输入本设备的令牌。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected: the server knows this device as %1 (%2) on %3.</source>
        <translation>已连接：服务器识别本设备为 %1（%2），设备 %3。</translation>
    </message>
    <message>
        <source>Type the server&apos;s address and this device&apos;s token.</source>
        <translation>请输入服务器地址和本设备的令牌。</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>正在加入…</translation>
    </message>
    <message>
        <source>Joined. The first sync starts now and runs in the background.</source>
        <translation>已加入。首次同步现在开始，在后台进行。</translation>
    </message>
    <message>
        <source>This computer no longer syncs. Its records stay here.</source>
        <translation>本机不再同步，记录仍保留在本机。</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
</context>
</TS>
