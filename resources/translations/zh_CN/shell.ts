<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>About DeliveryDesk</source>
        <translation>关于 DeliveryDesk</translation>
    </message>
    <message>
        <source>DeliveryDesk %1</source>
        <translation>DeliveryDesk %1</translation>
    </message>
    <message>
        <source>Scope, expectations, change requests and signed records for field engineers.</source>
        <translation>为现场工程师管理范围、期望、变更请求和已签署的记录。</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <source>Proprietary software. Third-party licences (Qt: LGPL-3.0): %1</source>
        <translation>专有软件。第三方许可（Qt：LGPL-3.0）：%1</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>DeliveryDesk takes a verified backup every day it is opened (7 daily, 4 weekly and 6 monthly are kept). Restoring one first keeps a backup of the database it replaces.</source>
        <translation>DeliveryDesk 每天首次打开时都会做一次经过校验的备份（保留 7 个每日、4 个每周和 6 个每月备份）。恢复某个备份之前，会先备份将被替换的数据库。</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>Take a backup now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Replace the database by the selected backup</source>
        <translation>用所选备份替换数据库</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <source>Backups apply to the local database file, not to a server database.</source>
        <translation>备份只适用于本机的数据库文件，不适用于服务器数据库。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Taking a backup…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Taking a backup</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Backup taken: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <source>Stopped: no backup was written.</source>
        <translation>已停止：没有写入任何备份。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the database by the backup taken %1?

Everything changed since then is set aside: the current database is kept as a safety backup first. DeliveryDesk closes the database, restores, and opens it again.</source>
        <translation>要用 %1 的备份替换数据库吗？

此后的所有更改都会被搁置：当前数据库会先另存为一份安全备份。DeliveryDesk 将关闭数据库、恢复备份，然后重新打开。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Keep the current database</source>
        <translation>保留当前数据库</translation>
    </message>
</context>
<context>
    <name>BundleImporter</name>
    <message>
        <source>Import a project bundle</source>
        <translation>导入项目包</translation>
    </message>
    <message>
        <source>Project bundles (*.json)</source>
        <translation>项目包 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Imported %1 %2: %3 records added, %4 updated.</source>
        <translation>已导入 %1 %2：新增 %3 条记录，更新 %4 条。</translation>
    </message>
</context>
<context>
    <name>ConfirmLimitsDialog</name>
    <message>
        <source>Confirm the limits of %1</source>
        <translation>确认 %1 的授权额度</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>授权额度</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
</context>
<context>
    <name>CountryCombo</name>
    <message>
        <source>China (mainland)</source>
        <translation>中国（大陆）</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>中国台湾</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <source>A country code, e.g. CN for mainland China</source>
        <translation>国家/地区代码，例如中国大陆为 CN</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>DeliveryDesk hit an unexpected error: {summary}</source>
        <translation>DeliveryDesk 遇到意外错误：{summary}</translation>
    </message>
    <message>
        <source>Everything you saved before is safe. The details were written to the log file:
{log}</source>
        <translation>您之前保存的内容都是安全的。详细信息已写入日志文件：
{log}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>This is more than %n year(s) from today: is the year right?</source>
        <translation>距今天超过 %n 年：年份是否正确？</translation>
    </message>
    <message>
        <source>This is more than %n year(s) ago: is the year right?</source>
        <translation>早于今天超过 %n 年：年份是否正确？</translation>
    </message>
    <message>
        <source>This is %n day(s) before the contract starts.</source>
        <translation>比合同开始日期早 %n 天。</translation>
    </message>
    <message>
        <source>This is %n day(s) after the contract ends.</source>
        <translation>比合同结束日期晚 %n 天。</translation>
    </message>
    <message>
        <source>A slip of %1 working days: longer than the whole project (%2 working days).</source>
        <translation>延误 %1 个工作日：比整个项目（%2 个工作日）还长。</translation>
    </message>
    <message>
        <source>A slip of %1 working days: more than a working year.</source>
        <translation>延误 %1 个工作日：超过一个工作年度。</translation>
    </message>
    <message>
        <source>This is %n day(s) from now, but it records what already happened.</source>
        <translation>这是 %n 天之后的日期，但它记录的是已经发生的事。</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>in %n day(s)</source>
        <translation>%n 天后</translation>
    </message>
    <message>
        <source>%n day(s) ago</source>
        <translation>%n 天前</translation>
    </message>
    <message>
        <source>this year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>e.g. 15 Jan 2027 or +5</source>
        <translation>例如 2027/1/15 或 +5</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type a date as you write it (2027-01-15, 15 Jan 2027, 2027年1月15日, 1/15, +5 for five days from today); Up and Down change the part under the cursor; Alt+Down opens a calendar.</source>
        <translation>按平时的写法输入日期（2027-01-15、2027年1月15日、2027/1/15、1/15，+5 表示五天后）；上下方向键修改光标所在的部分；Alt+下方向键打开日历。</translation>
    </message>
    <message>
        <source>Choose a date on a calendar</source>
        <translation>在日历上选择日期</translation>
    </message>
    <message>
        <source>Choose a date on a calendar (Alt+Down)</source>
        <translation>在日历上选择日期（Alt+下方向键）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Take today&apos;s date</source>
        <translation>填入今天的日期</translation>
    </message>
    <message>
        <source>Keep this date</source>
        <translation>保留此日期</translation>
    </message>
    <message>
        <source>The date is right: keep it and stop warning</source>
        <translation>日期无误：保留它，不再提醒</translation>
    </message>
    <message>
        <source>Not a date: try 15 Jan 2027, 2027-01-15 or +5</source>
        <translation>无法识别为日期：可输入 2027/1/15、2027-01-15 或 +5</translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>已保留：%1</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Not saved: correct this date first.</source>
        <translation>尚未保存：请先更正此日期。</translation>
    </message>
    <message>
        <source>This date looks unlikely: correct it, or keep it with “Keep this date”.</source>
        <translation>这个日期不太可能：请更正，或点击“保留此日期”。</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <source>You changed this form. Close it and lose what you typed?</source>
        <translation>您修改了这张表单。要关闭并丢弃所输入的内容吗？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>Logo</name>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>The logo is larger than 2 MB; use a smaller image.</source>
        <translation>标志图片超过 2 MB，请使用较小的图片。</translation>
    </message>
    <message>
        <source>Choose a PNG or JPEG image.</source>
        <translation>请选择 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>The logo is too large: at most 4000 × 4000 pixels.</source>
        <translation>标志图片尺寸过大：最大 4000 × 4000 像素。</translation>
    </message>
    <message>
        <source>The image is damaged and cannot be read.</source>
        <translation>图片已损坏，无法读取。</translation>
    </message>
</context>
<context>
    <name>LongTaskPanel</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the running task</source>
        <translation>取消正在运行的任务</translation>
    </message>
    <message>
        <source>Stop it: nothing of it is written</source>
        <translation>停止：不会写入任何内容</translation>
    </message>
    <message>
        <source>Stopping: %1…</source>
        <translation>正在停止：%1…</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1（另有 %n 项）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DeliveryDesk</source>
        <translation>DeliveryDesk</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Projects</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>Rec&amp;urring problems</source>
        <translation>重复出现的问题(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;ategories…</source>
        <translation>类别(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Find project</source>
        <translation>查找项目(&amp;F)</translation>
    </message>
    <message>
        <source>Search &amp;records…</source>
        <translation>搜索记录(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Documents and export…</source>
        <translation>文档与导出(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>List, take and restore the database&apos;s backups</source>
        <translation>查看、创建和恢复数据库备份</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>Open the &amp;log file</source>
        <translation>打开日志文件(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About DeliveryDesk</source>
        <translation>关于 DeliveryDesk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Capture an extra ask…</source>
        <translation>记录额外需求(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Log an entry</source>
        <translation>记录沟通(&amp;L)</translation>
    </message>
    <message>
        <source>Go to the project&apos;s log, ready to type what happened</source>
        <translation>转到项目的沟通记录，直接输入发生的事情</translation>
    </message>
    <message>
        <source>Project &amp;bundle…</source>
        <translation>项目包(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Approval inbox…</source>
        <translation>审批收件箱(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Team server…</source>
        <translation>团队服务器(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>T&amp;eam</source>
        <translation>团队(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved</source>
        <translation>只读：无法保存更改</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U) %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R) %1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <source>The demo projects were added.</source>
        <translation>已加入演示项目。</translation>
    </message>
    <message>
        <source>Adding the demo projects</source>
        <translation>正在加入演示项目</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please check the highlighted fields</source>
        <translation>请检查标出的字段</translation>
    </message>
    <message>
        <source>Record not found</source>
        <translation>找不到该记录</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>不允许此操作</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>无法使用数据库</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Choose a client or type a new name</source>
        <translation>选择客户，或输入新客户名称</translation>
    </message>
    <message>
        <source>Use the two-letter country code, e.g. DE or CN.</source>
        <translation>请使用两个字母的国家/地区代码，例如 DE 或 CN。</translation>
    </message>
    <message>
        <source>Choose a client or type a new client&apos;s name.</source>
        <translation>请选择客户，或输入新客户的名称。</translation>
    </message>
</context>
<context>
    <name>OpeningWindow</name>
    <message>
        <source>Opening and checking the database…</source>
        <translation>正在打开并检查数据库…</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>Who decides within which limits, and who may approve. Decisions above your limits wait for a manager of this list; no one approves their own decision.</source>
        <translation>谁在什么额度内决定，谁可以审批。超出您额度的决定须由名单中的上级审批；任何人不能审批自己的决定。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Take off the roster</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <source>Confirm limits…</source>
        <translation>确认额度…</translation>
    </message>
    <message>
        <source>A manager confirms limits a person set themselves</source>
        <translation>由上级确认本人自行设定的额度</translation>
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
        <source>Hours / change</source>
        <translation>工时 / 每项变更</translation>
    </message>
    <message>
        <source>Cost / change</source>
        <translation>费用 / 每项变更</translation>
    </message>
    <message>
        <source>Goodwill h / project</source>
        <translation>友情支持工时 / 每个项目</translation>
    </message>
    <message>
        <source>Limits set by</source>
        <translation>额度设定人</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（本人）</translation>
    </message>
    <message>
        <source>themselves: a manager should confirm</source>
        <translation>本人自行设定：需上级确认</translation>
    </message>
    <message>
        <source>In a team the roster comes from the team server (%1): an administrator sets roles and limits.</source>
        <translation>加入团队后，成员名单来自团队服务器（%1）：角色和授权额度由管理员设定。</translation>
    </message>
    <message>
        <source>%1 h and %2 per change request · %3 h goodwill per project</source>
        <translation>每项变更请求 %1 小时、%2 · 每个项目友情支持 %3 小时</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
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
        <source>Hours per change request</source>
        <translation>每项变更请求的工时</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Cost per change request</source>
        <translation>每项变更请求的费用</translation>
    </message>
    <message>
        <source>Currency of the cost</source>
        <translation>费用币种</translation>
    </message>
    <message>
        <source>A cost in another currency is never within this limit: a manager decides it.</source>
        <translation>以其他币种计的费用不在此额度之内：由上级决定。</translation>
    </message>
    <message>
        <source>Goodwill hours per project</source>
        <translation>每个项目的友情支持工时</translation>
    </message>
    <message>
        <source>These are your own limits: a change you make shows on Home until a manager confirms it.</source>
        <translation>这是您本人的授权额度：您所做的修改会显示在首页，直到上级确认。</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Edit project</source>
        <translation>编辑项目</translation>
    </message>
    <message>
        <source>A project stays with its client; edit the client on the Overview</source>
        <translation>项目不能更换客户；客户信息请在“概览”中编辑</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>No regular summary</source>
        <translation>不定期发送</translation>
    </message>
    <message>
        <source>Every Friday</source>
        <translation>每周五</translation>
    </message>
    <message>
        <source>Every other Friday</source>
        <translation>每两周的周五</translation>
    </message>
    <message>
        <source>Last working day of the month</source>
        <translation>每月最后一个工作日</translation>
    </message>
</context>
<context>
    <name>ProjectFormDialog</name>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The client&apos;s country: its letters&apos; language and its public holidays</source>
        <translation>客户所在国家/地区：决定函件语言和公众假期</translation>
    </message>
    <message>
        <source>Client&apos;s country</source>
        <translation>客户所在国家/地区</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>e.g. DD-2026-014</source>
        <translation>例如 DD-2026-014</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Contract reference</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Contract value</source>
        <translation>合同金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Contract start</source>
        <translation>合同开始日期</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>合同结束日期</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
        <source> h</source>
        <translation> 小时</translation>
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
        <source>Document language</source>
        <translation>文档语言</translation>
    </message>
    <message>
        <source>Weekends only</source>
        <translation>仅周末</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Progress summary</source>
        <translation>进度报告</translation>
    </message>
    <message>
        <source>Custom: %1</source>
        <translation>自定义：%1</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
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
        <source>Next milestone</source>
        <translation>下一个里程碑</translation>
    </message>
    <message>
        <source>Goodwill</source>
        <translation>友情支持</translation>
    </message>
    <message>
        <source>Scope creep</source>
        <translation>范围蔓延</translation>
    </message>
    <message>
        <source>Needs attention: a milestone overdue or slipping, or a change request to decide</source>
        <translation>需要关注：有里程碑逾期或延误，或有变更请求待决定</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>Nothing needs attention</source>
        <translation>暂无需关注事项</translation>
    </message>
    <message>
        <source>Goodwill used: %1 of %2 h</source>
        <translation>已用友情支持：%1 / %2 小时</translation>
    </message>
    <message>
        <source>Scope creep: %1 h beyond %2 h contracted</source>
        <translation>范围蔓延：合同 %2 小时之外已接受 %1 小时</translation>
    </message>
    <message numerus="yes">
        <source>(slip %n working day(s))</source>
        <translation>
            <numerusform>（延误 %n 个工作日）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to decide</source>
        <translation>
            <numerusform>%n 项待决定</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting on client</source>
        <translation>
            <numerusform>%n 项等待客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectNavigator</name>
    <message>
        <source>Filter by code, name or client</source>
        <translation>按编号、名称或客户筛选</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectWorkspace</name>
    <message>
        <source>Choose a project on the left.</source>
        <translation>请在左侧选择一个项目。</translation>
    </message>
    <message>
        <source>Areas of the project</source>
        <translation>项目各部分</translation>
    </message>
    <message>
        <source>Ctrl+Page Down / Ctrl+Page Up: the next or previous area</source>
        <translation>Ctrl+Page Down / Ctrl+Page Up：下一个或上一个部分</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除此行</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG)</source>
        <translation>公司标志（PNG 或 JPEG）</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Your title</source>
        <translation>您的职务</translation>
    </message>
    <message>
        <source>Where you sign</source>
        <translation>签署地点</translation>
    </message>
    <message>
        <source>Printed in our signature block when a letter is signed on screen, e.g. Suzhou</source>
        <translation>屏幕签署时打印在我方签署栏中，例如：苏州</translation>
    </message>
    <message>
        <source>Your authority limits are on the People tab.</source>
        <translation>您的授权额度在“人员”选项卡中。</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Default document language</source>
        <translation>默认文档语言</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <source>Weekends only</source>
        <translation>仅周末</translation>
    </message>
    <message>
        <source>Holiday calendar for new projects</source>
        <translation>新项目的节假日日历</translation>
    </message>
    <message>
        <source>None: this database&apos;s own seal</source>
        <translation>无：使用本数据库自己的印章</translation>
    </message>
    <message>
        <source>Signing certificate (PKCS#12)</source>
        <translation>签名证书（PKCS#12）</translation>
    </message>
    <message>
        <source>Issued PDFs carry a signature any PDF reader checks: with this certificate (its password is asked once per session), or else with a seal made for this database.</source>
        <translation>签发的 PDF 带有任何 PDF 阅读器都能校验的签名：使用此证书（每次运行只询问一次密码），未设置时使用为本数据库生成的印章。</translation>
    </message>
    <message>
        <source>Choose the signing certificate</source>
        <translation>选择签名证书</translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx)</source>
        <translation>PKCS#12 证书 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>A new interface language applies the next time DeliveryDesk starts.</source>
        <translation>新的界面语言将在下次启动 DeliveryDesk 时生效。</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>选择公司标志</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Open or create a DeliveryDesk database</source>
        <translation>打开或新建 DeliveryDesk 数据库</translation>
    </message>
    <message>
        <source>DeliveryDesk databases (*.db);;All files (*)</source>
        <translation>DeliveryDesk 数据库 （*.db）；；所有文件 (*)</translation>
    </message>
    <message>
        <source>The database could not be opened because of an unexpected error (%1).</source>
        <translation>由于意外错误（%1），无法打开数据库。</translation>
    </message>
    <message>
        <source>The details are in the log file.</source>
        <translation>详细信息见日志文件。</translation>
    </message>
    <message>
        <source>Create an empty database</source>
        <translation>新建空数据库</translation>
    </message>
    <message>
        <source>Create a demo database</source>
        <translation>新建演示数据库</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>恢复最新的备份</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Welcome to DeliveryDesk</source>
        <translation>欢迎使用 DeliveryDesk</translation>
    </message>
    <message>
        <source>There is no DeliveryDesk database here yet. Start with an empty one, or with a demo database full of sample projects to look around.</source>
        <translation>这里还没有 DeliveryDesk 数据库。您可以从空数据库开始，也可以先用包含示例项目的演示数据库熟悉一下。</translation>
    </message>
    <message>
        <source>The database file is damaged. DeliveryDesk did not change it. You can restore the newest backup (the damaged file is kept beside it), or open another file.</source>
        <translation>数据库文件已损坏。DeliveryDesk 没有修改它。您可以恢复最新的备份（损坏的文件会保留在旁边），或打开其他文件。</translation>
    </message>
    <message>
        <source>The database file is damaged and no backup was found. DeliveryDesk did not change it. Open another file, or quit and ask for help with the damaged file.</source>
        <translation>数据库文件已损坏，且没有找到备份。DeliveryDesk 没有修改它。请打开其他文件，或退出并就损坏的文件寻求帮助。</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>The database is in use</source>
        <translation>数据库正在使用中</translation>
    </message>
    <message>
        <source>Another DeliveryDesk window is using this database. Close it and try again, or open the database read-only to look without changing anything.</source>
        <translation>另一个 DeliveryDesk 窗口正在使用此数据库。请关闭它后重试，或以只读方式打开，仅查看而不做任何修改。</translation>
    </message>
    <message>
        <source>The database cannot be written</source>
        <translation>无法写入数据库</translation>
    </message>
    <message>
        <source>The database file or its folder is read-only. You can open it read-only to look at your records, or choose a file in a folder you can write to.</source>
        <translation>数据库文件或其所在文件夹是只读的。您可以以只读方式打开查看记录，或选择一个可写文件夹中的文件。</translation>
    </message>
    <message>
        <source>The database is from a newer DeliveryDesk</source>
        <translation>数据库来自更新版本的 DeliveryDesk</translation>
    </message>
    <message>
        <source>This database was written by a newer version of DeliveryDesk. Install that version to open it; this one leaves the file untouched.</source>
        <translation>此数据库由更新版本的 DeliveryDesk 写入。请安装该版本后再打开；当前版本不会改动这个文件。</translation>
    </message>
    <message>
        <source>This is not a DeliveryDesk database</source>
        <translation>这不是 DeliveryDesk 数据库</translation>
    </message>
    <message>
        <source>The file is not a DeliveryDesk database, so it was not opened or changed. Choose another file.</source>
        <translation>该文件不是 DeliveryDesk 数据库，因此没有打开或修改它。请选择其他文件。</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>There is no space left to open the database safely. Free some space and try again, or open it read-only.</source>
        <translation>磁盘空间不足，无法安全地打开数据库。请释放一些空间后重试，或以只读方式打开。</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>DeliveryDesk could not open the database. Try again, or choose another file.</source>
        <translation>DeliveryDesk 无法打开数据库。请重试，或选择其他文件。</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>Archive %1</source>
        <translation>归档 %1</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <source>New log entry “%1”</source>
        <translation>新沟通记录“%1”</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>新建 %1</translation>
    </message>
    <message>
        <source>Undone in DeliveryDesk (Ctrl+Z)</source>
        <translation>已在 DeliveryDesk 中撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redone in DeliveryDesk</source>
        <translation>已在 DeliveryDesk 中重做</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Written by mistake (undone)</source>
        <translation>误记（已撤销）</translation>
    </message>
</context>
<context>
    <name>WindowHost</name>
    <message>
        <source>The daily backup could not be taken: %1</source>
        <translation>未能完成每日备份：%1</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Restored the backup %1.</source>
        <translation>已恢复备份 %1。</translation>
    </message>
</context>
</TS>
