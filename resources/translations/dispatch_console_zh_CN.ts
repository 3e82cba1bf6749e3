<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge alerts</source>
        <translation>确认告警</translation>
    </message>
    <message>
        <source>What you did or will do (optional), e.g. called the technician, on site in 20 minutes</source>
        <translation>已采取或将采取的措施（选填），例如：已电话联系装维人员，20 分钟内到场</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge the alerts of %n order(s):</source>
        <translation>
            <numerusform>确认 %n 张工单的告警：</numerusform>
        </translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>备注超过 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Sound a signal when an order turns red or late</source>
        <translation>工单进入红色或超时时发出提示音</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>%1 alerts, %2 not acknowledged</source>
        <translation>%1 条告警，%2 条未确认</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) escalated to the supervisors: nobody acknowledged them in time.</source>
        <translation>
            <numerusform>%n 条告警已升级至值班长：超时无人确认。</numerusform>
        </translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>%1 m from the site</source>
        <translation>距站点 %1 米</translation>
    </message>
    <message>
        <source>⇪ Escalated %1</source>
        <translation>⇪ 已升级 %1</translation>
    </message>
    <message>
        <source>⇪ Escalated</source>
        <translation>⇪ 已升级</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Your settings cannot be used: %1

The console starts with default settings; the file is left as it is until you save settings.</source>
        <translation>您的设置无法使用：%1

控制台将以默认设置启动；在您保存设置之前，该文件保持原样。</translation>
    </message>
    <message>
        <source>Downloading the centre&apos;s data to this desk…</source>
        <translation>正在把中心的数据下载到本调度台…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Choose another data file…</source>
        <translation>选择其他数据文件…</translation>
    </message>
    <message>
        <source>The data file %1 is damaged. It was left untouched; restore it from a backup or choose another file.</source>
        <translation>数据文件 %1 已损坏。文件未被改动；请从备份恢复或选择其他文件。</translation>
    </message>
    <message>
        <source>%1 is not a Dispatch Console data file. It was left untouched.</source>
        <translation>%1 不是调度台数据文件。文件未被改动。</translation>
    </message>
    <message>
        <source>The data file %1 is in use by another Dispatch Console. Close that window first, or choose another data file.</source>
        <translation>数据文件 %1 正被另一个调度台使用。请先关闭那个窗口，或选择其他数据文件。</translation>
    </message>
    <message>
        <source>The data file %1 was written by a newer version of Dispatch Console. Install the newer version; this one will not modify the file.</source>
        <translation>数据文件 %1 由更新版本的调度台写入。请安装新版本；当前版本不会修改该文件。</translation>
    </message>
    <message>
        <source>The data file %1 cannot be opened or written. Check the folder&apos;s permissions and free space.</source>
        <translation>无法打开或写入数据文件 %1。请检查文件夹权限和剩余空间。</translation>
    </message>
    <message>
        <source>Preparing the demo centre for this desk…</source>
        <translation>正在为本调度台准备演示中心数据…</translation>
    </message>
    <message>
        <source>Dispatch Console</source>
        <translation>调度台</translation>
    </message>
    <message>
        <source>%1
Trying again…</source>
        <translation>%1
正在重试…</translation>
    </message>
    <message>
        <source>The demo centre could not be written: %1</source>
        <translation>无法写入演示中心数据：%1</translation>
    </message>
    <message>
        <source>Desk user</source>
        <translation>调度台用户</translation>
    </message>
    <message>
        <source>There is no active user %1 in this data file. Correct the desk user in the settings file %2.</source>
        <translation>此数据文件中没有有效用户 %1。请在设置文件 %2 中更正调度台用户。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign to a technician</source>
        <translation>派单给装维人员</translation>
    </message>
    <message>
        <source>Ranking the technicians…</source>
        <translation>正在为装维人员排序…</translation>
    </message>
    <message>
        <source>Filter by name, team or region</source>
        <translation>按姓名、班组或区域筛选</translation>
    </message>
    <message>
        <source>Book the visit at the technician&apos;s earliest start (proposed to the customer, 2 hours)</source>
        <translation>按该装维人员的最早开始时间预约上门（向客户提议，时段 2 小时）</translation>
    </message>
    <message>
        <source>Why it is right anyway (kept in the audit log)</source>
        <translation>仍然这样安排的理由（记入审计日志）</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message numerus="yes">
        <source>The orders this assigns: %n order(s).</source>
        <translation>
            <numerusform>本次派单的工单：%n 张。</numerusform>
        </translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>装维人员</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Earliest start</source>
        <translation>最早开始</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Why not / notes</source>
        <translation>不适合原因 / 备注</translation>
    </message>
    <message>
        <source>Technicians who can take the orders come first, by their earliest start; the same start goes to the shorter drive.</source>
        <translation>能承接这些工单的装维人员排在前面，按最早开始时间排序；开始时间相同时路程较短者优先。</translation>
    </message>
    <message>
        <source>None of these orders is open any more: nothing to assign.</source>
        <translation>这些工单都已不在处理中：无需派单。</translation>
    </message>
    <message>
        <source>%1 of %2 technicians can take it; ranked by earliest start, then the shorter drive.</source>
        <translation>%2 名装维人员中有 %1 名可以承接；按最早开始时间排序，其次按路程远近。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) no longer open are left out.</source>
        <translation>
            <numerusform>已排除 %n 张不再处理中的工单。</numerusform>
        </translation>
    </message>
    <message>
        <source>The technicians could not be read: %1</source>
        <translation>无法读取装维人员：%1</translation>
    </message>
    <message>
        <source>Score %1 of 100:</source>
        <translation>评分 %1（满分 100）：</translation>
    </message>
    <message>
        <source>Books %1 at %2 for the customer to confirm.</source>
        <translation>为 %1 预约 %2 上门，待客户确认。</translation>
    </message>
    <message>
        <source>Only a shift supervisor can book this; untick booking to assign only.</source>
        <translation>只有值班长可以预约此上门；取消勾选预约即可只派单。</translation>
    </message>
    <message>
        <source>This slot cannot be booked; untick booking to assign only.</source>
        <translation>此时段无法预约；取消勾选预约即可只派单。</translation>
    </message>
    <message>
        <source>Assign and book</source>
        <translation>派单并预约</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Choose a technician who can take it.</source>
        <translation>请选择一名可以承接的装维人员。</translation>
    </message>
    <message>
        <source>Write why you book over these warnings.</source>
        <translation>请写明越过这些警告预约的理由。</translation>
    </message>
    <message>
        <source>A technician&apos;s visit is booked already: this assigns only (move the visit on the schedule board).</source>
        <translation>已有装维人员的上门预约：本次只派单（请在排班板上移动该上门）。</translation>
    </message>
    <message>
        <source>No visit to book (the work is under way or done): this assigns only.</source>
        <translation>无需预约上门（工作进行中或已完成）：本次只派单。</translation>
    </message>
    <message>
        <source>The orders are at several sites: this assigns only (book their visits on the schedule board); ranked for the most urgent order&apos;s site.</source>
        <translation>这些工单分属多个地点：本次只派单（请在排班板上预约各自的上门）；按最紧急工单的地点排序。</translation>
    </message>
    <message>
        <source>The orders have different visits: this assigns only.</source>
        <translation>这些工单的上门预约不同：本次只派单。</translation>
    </message>
    <message>
        <source>Who calls back about %1</source>
        <translation>由谁回访 %1</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>回访人</translation>
    </message>
</context>
<context>
    <name>AssignFlow</name>
    <message>
        <source>Some orders were not assigned</source>
        <translation>部分工单未派出</translation>
    </message>
    <message>
        <source>%1 assigned, %2 not:</source>
        <translation>已派 %1 张，%2 张未派：</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>未派单</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>修改无法保存：%1</translation>
    </message>
</context>
<context>
    <name>BoardLegend</name>
    <message>
        <source>Fill: how urgent the visit&apos;s orders are</source>
        <translation>填充色：上门所含工单的紧急程度</translation>
    </message>
    <message>
        <source>Edge: the kind of order</source>
        <translation>边框：工单类别</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Proposed: not yet confirmed with the customer</source>
        <translation>待确认：尚未与客户确认</translation>
    </message>
    <message>
        <source>Pinned: the optimiser leaves the visit where it is</source>
        <translation>已锁定：优化排班时不移动该上门</translation>
    </message>
    <message>
        <source>Shift: the technician&apos;s working hours</source>
        <translation>班次：装维人员的工作时间</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Travel to the visit</source>
        <translation>上门路程</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Overlapping visits: the row grows a line for each</source>
        <translation>上门时间重叠：该行为每个重叠的上门各增加一行</translation>
    </message>
    <message>
        <source>Utilisation for the days shown: visits and travel against shift time, breaks excluded; amber from 85%, red over 100%, – without a shift</source>
        <translation>所示日期的利用率：上门和路程时间占班次时间的比例（不含休息）；85% 起为黄色，超过 100% 为红色，无班次显示 –</translation>
    </message>
    <message>
        <source>While dragging: fits · needs a reason · cannot be saved</source>
        <translation>拖动时：符合 · 需填写理由 · 无法保存</translation>
    </message>
    <message>
        <source>Beside the name: where the technician is</source>
        <translation>姓名旁：技术员所在位置</translation>
    </message>
</context>
<context>
    <name>BoardPlaces</name>
    <message>
        <source>On site: at the visit under way, or early at the next</source>
        <translation>在现场：正在上门，或已提前到达下一单</translation>
    </message>
    <message>
        <source>On the way: between visits</source>
        <translation>在途：两次上门之间</translation>
    </message>
    <message>
        <source>Late: a visit has started and they are not at its site</source>
        <translation>迟到：上门时间已到但不在现场</translation>
    </message>
    <message>
        <source>Free: nothing more planned today</source>
        <translation>空闲：今天没有更多安排</translation>
    </message>
    <message>
        <source>No position from the field app for 15 minutes</source>
        <translation>外勤App已15分钟未上报位置</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <source>Book an appointment</source>
        <translation>预约上门</translation>
    </message>
    <message>
        <source>The customer agreed to this window</source>
        <translation>客户已同意此时段</translation>
    </message>
    <message>
        <source>Customer reached by:</source>
        <translation>联系客户方式：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Set to</source>
        <translation>设为</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why (e.g. the notice this comes from)</source>
        <translation>原因（例如依据的通知）</translation>
    </message>
    <message>
        <source>Make it a working day</source>
        <translation>设为工作日</translation>
    </message>
    <message>
        <source>Make it a day off</source>
        <translation>设为休息日</translation>
    </message>
    <message>
        <source>Follow the statutory calendar</source>
        <translation>恢复法定日历</translation>
    </message>
    <message>
        <source>Mark this year&apos;s official schedule as entered…</source>
        <translation>标记本年官方安排已录入…</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休工作日</translation>
    </message>
    <message>
        <source>Underlined: set by a supervisor</source>
        <translation>带下划线：值班长设置</translation>
    </message>
    <message>
        <source>Only a shift supervisor can change the calendar.</source>
        <translation>只有值班长可以修改工作日历。</translation>
    </message>
    <message>
        <source>The calendar could not be read: %1</source>
        <translation>无法读取工作日历：%1</translation>
    </message>
    <message>
        <source>%1: official schedule (holidays and make-up days known).</source>
        <translation>%1 年：官方安排（节假日与调休均已知）。</translation>
    </message>
    <message>
        <source>%1: provisional. Holidays are computed by rule and make-up working days are not known until the official schedule is entered; deadlines in %1 are marked provisional.</source>
        <translation>%1 年：暂定。节假日按规则推算，调休工作日在录入官方安排前未知；落在 %1 年的时限标记为暂定。</translation>
    </message>
    <message>
        <source>Set by a supervisor in %1: %2</source>
        <translation>%1 年值班长设置的日期：%2</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>%1: %2, set by a supervisor (%3)</source>
        <translation>%1：%2，值班长设置（%3）</translation>
    </message>
    <message>
        <source>%1: public holiday</source>
        <translation>%1：法定节假日</translation>
    </message>
    <message>
        <source>%1: make-up working day</source>
        <translation>%1：调休工作日</translation>
    </message>
    <message>
        <source>Recomputing the deadlines of open orders…</source>
        <translation>正在重新计算未结工单的时限…</translation>
    </message>
    <message>
        <source>The calendar was not changed: %1</source>
        <translation>工作日历未修改：%1</translation>
    </message>
    <message>
        <source>Where does the %1 schedule come from?</source>
        <translation>%1 年安排的依据是什么？</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Call back about %1</source>
        <translation>回访 %1</translation>
    </message>
    <message>
        <source>What the customer said (needed when reached)</source>
        <translation>客户的原话（联系上时必填）</translation>
    </message>
    <message>
        <source>(no comment with the answer)</source>
        <translation>（评价未附意见）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Their answer</source>
        <translation>客户评价</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>Customer&apos;s words</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <source>Write what the customer said: the remedy starts from it.</source>
        <translation>请记录客户的原话：整改以此为依据。</translation>
    </message>
</context>
<context>
    <name>CallbacksPanel</name>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Refused to talk</source>
        <translation>拒绝沟通</translation>
    </message>
    <message>
        <source>To call</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Called, remedy open</source>
        <translation>已回访，整改中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>This callback no longer exists.</source>
        <translation>该回访任务已不存在。</translation>
    </message>
    <message>
        <source>Dispatchers and supervisors call customers back; only a supervisor assigns a callback or closes its remedy.</source>
        <translation>调度员和值班长均可回访客户；只有值班长可以指派回访或关闭整改。</translation>
    </message>
    <message>
        <source>This callback is closed already.</source>
        <translation>该回访已关闭。</translation>
    </message>
    <message>
        <source>Someone else took this callback; a supervisor can give it to you.</source>
        <translation>该回访已由他人领取；可请值班长改派给您。</translation>
    </message>
    <message>
        <source>Record a call that reached the customer first.</source>
        <translation>请先记录一次联系上客户的回访。</translation>
    </message>
    <message>
        <source>Record the remedy before closing it.</source>
        <translation>请先记录整改措施再关闭。</translation>
    </message>
    <message>
        <source>Write what the customer said, or what the remedy is.</source>
        <translation>请填写客户原话或整改措施。</translation>
    </message>
    <message>
        <source>Keep it under 1000 characters.</source>
        <translation>请控制在 1000 字以内。</translation>
    </message>
    <message>
        <source>Give the callback to a dispatcher or supervisor of the order&apos;s region.</source>
        <translation>请将回访指派给工单所属区域的调度员或值班长。</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>指派…</translation>
    </message>
    <message>
        <source>Record call…</source>
        <translation>记录回访…</translation>
    </message>
    <message>
        <source>Record remedy…</source>
        <translation>记录整改…</translation>
    </message>
    <message>
        <source>Close remedy…</source>
        <translation>关闭整改…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Satisfaction callbacks</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>回访期限</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>评价人</translation>
    </message>
    <message>
        <source>Their comment</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>回访次数</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>最近回访</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>Customer&apos;s words</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>The callbacks could not be read: %1</source>
        <translation>无法读取回访任务：%1</translation>
    </message>
    <message>
        <source>%1 not closed, %2 overdue, %3 in all</source>
        <translation>%1 条未关闭，%2 条超期，共 %3 条</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>未做任何更改</translation>
    </message>
    <message>
        <source>That order is closed: it is not in the queue.</source>
        <translation>该工单已归档，不在工单队列中。</translation>
    </message>
</context>
<context>
    <name>CandidateText</name>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>路程</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负荷</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>no skill: %1</source>
        <translation>缺技能：%1</translation>
    </message>
    <message>
        <source>other region (%1)</source>
        <translation>其他区域（%1）</translation>
    </message>
    <message>
        <source>off shift in the next days</source>
        <translation>未来几天不当班</translation>
    </message>
    <message>
        <source>booked full: no free slot</source>
        <translation>已排满：无空档</translation>
    </message>
    <message>
        <source>would finish after the deadline</source>
        <translation>完成时间将晚于时限</translation>
    </message>
    <message>
        <source>busy day</source>
        <translation>当天繁忙</translation>
    </message>
</context>
<context>
    <name>CandidatesPanel</name>
    <message>
        <source>Select an order to see who can take it.</source>
        <translation>选择一张工单，查看谁可以接单。</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>装维人员</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Technicians who can take the order come first, by their earliest start; the same start goes to the shorter drive.</source>
        <translation>能承接该工单的装维人员排在前面，按最早开始时间排序；开始时间相同时路程较短者优先。</translation>
    </message>
    <message>
        <source>The sum of the five parts&apos; points, out of 100.</source>
        <translation>五项得分之和，满分 100。</translation>
    </message>
    <message>
        <source>Earliest start</source>
        <translation>最早开始</translation>
    </message>
    <message>
        <source>Assign to the selected technician</source>
        <translation>派给所选装维人员</translation>
    </message>
    <message>
        <source>The order is no longer open.</source>
        <translation>该工单已不在处理中。</translation>
    </message>
    <message>
        <source>Candidates for %1 · %2 · %3</source>
        <translation>%1 · %2 · %3 的候选人员</translation>
    </message>
</context>
<context>
    <name>ChoiceButton</name>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 chosen</source>
        <translation>已选 %1 项</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close the remedy for %1</source>
        <translation>关闭 %1 的整改</translation>
    </message>
    <message>
        <source>How it was checked (optional)</source>
        <translation>如何核实（选填）</translation>
    </message>
    <message>
        <source>Remedy (整改)</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>关闭说明</translation>
    </message>
</context>
<context>
    <name>CommitDialog</name>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Nothing speaks against it.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <source>Only a shift supervisor can commit over this.</source>
        <translation>只有值班长可以越过此项提交。</translation>
    </message>
    <message>
        <source>This cannot be committed. Choose another technician or time.</source>
        <translation>无法提交。请选择其他人员或时间。</translation>
    </message>
    <message>
        <source>Why it is right anyway (kept in the audit log)</source>
        <translation>仍然这样安排的理由（记入审计日志）</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>New window agreed with the customer</source>
        <translation>已与客户约定新时段</translation>
    </message>
    <message>
        <source>Pause the SLA clock (customer postponed)</source>
        <translation>暂停时限计时（客户要求推迟）</translation>
    </message>
    <message>
        <source>Reschedule reason:</source>
        <translation>改约原因：</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Customer reached by:</source>
        <translation>联系客户方式：</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Write why you commit over these warnings.</source>
        <translation>请写明越过这些警告提交的理由。</translation>
    </message>
    <message>
        <source>Choose the reason for the reschedule from the list.</source>
        <translation>请从列表中选择改约原因。</translation>
    </message>
    <message>
        <source>Say what the other reason is.</source>
        <translation>请说明其他原因是什么。</translation>
    </message>
</context>
<context>
    <name>CompliancePanel</name>
    <message>
        <source>Appointment recorded</source>
        <translation>预约已记录</translation>
    </message>
    <message>
        <source>Check-in on site</source>
        <translation>现场签到</translation>
    </message>
    <message>
        <source>Check-in on time</source>
        <translation>准时签到</translation>
    </message>
    <message>
        <source>Tests reported</source>
        <translation>测试已上报</translation>
    </message>
    <message>
        <source>Delivery report</source>
        <translation>交付报告</translation>
    </message>
    <message>
        <source>Customer&apos;s signature</source>
        <translation>客户签字</translation>
    </message>
    <message>
        <source>Closed in time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Returned the same day</source>
        <translation>当天回单</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>off site</source>
        <translation>不在现场</translation>
    </message>
    <message>
        <source>no contact method</source>
        <translation>未记录联系方式</translation>
    </message>
    <message>
        <source>%1 day(s) late</source>
        <translation>晚%1天</translation>
    </message>
    <message>
        <source>%1 min late</source>
        <translation>晚%1分钟</translation>
    </message>
    <message>
        <source>%1 h late</source>
        <translation>晚%1小时</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>晚%1天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近7天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近30天</translation>
    </message>
    <message>
        <source>Record finding…</source>
        <translation>记录稽核结论…</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>归档时间</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Rules broken</source>
        <translation>违反的规则</translation>
    </message>
    <message>
        <source>Finding and remedy</source>
        <translation>结论与整改</translation>
    </message>
    <message>
        <source>Audited</source>
        <translation>稽核数</translation>
    </message>
    <message>
        <source>Not compliant</source>
        <translation>不合规</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>合规率</translation>
    </message>
    <message>
        <source>Most broken rule</source>
        <translation>最常违反的规则</translation>
    </message>
    <message>
        <source>Orders not compliant</source>
        <translation>不合规工单</translation>
    </message>
    <message>
        <source>By technician</source>
        <translation>按技术员</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>按班组</translation>
    </message>
    <message>
        <source>Closed in</source>
        <translation>归档时间段</translation>
    </message>
    <message>
        <source>Compliance by technician</source>
        <translation>按技术员的合规情况</translation>
    </message>
    <message>
        <source>Compliance by team</source>
        <translation>按班组的合规情况</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <source>The audit could not be read: %1</source>
        <translation>无法读取稽核：%1</translation>
    </message>
    <message>
        <source>%1 orders audited, %2 not compliant (%3 compliant)</source>
        <translation>稽核%1张工单，%2张不合规（合规率%3）</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>未做任何更改</translation>
    </message>
    <message>
        <source>The finding could not be saved: %1</source>
        <translation>无法保存稽核结论：%1</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>The centre refused these changes of this desk because someone changed the same thing first. Re-apply yours on top of the current state, or drop it and keep theirs. Both are kept in the audit log.</source>
        <translation>中心拒绝了本台的这些修改：有人先改了同一项。可以在当前状态上重新应用您的修改，或放弃您的修改、保留对方的。两次操作都记入审计日志。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs (the centre&apos;s)</source>
        <translation>对方的（中心现值）</translation>
    </message>
    <message>
        <source>Re-apply mine</source>
        <translation>重新应用我的修改</translation>
    </message>
    <message>
        <source>Drop mine, keep theirs</source>
        <translation>放弃我的，保留对方的</translation>
    </message>
    <message>
        <source>This conflict was resolved already.</source>
        <translation>此冲突已处理。</translation>
    </message>
    <message>
        <source>The order&apos;s clock is paused already (by someone else): re-applying this pause would count the same time twice. Drop it.</source>
        <translation>该工单的计时已被他人暂停：重新应用此暂停会重复计算暂停时间。请放弃。</translation>
    </message>
    <message>
        <source>This pause has ended already: there is nothing to resume. Drop it.</source>
        <translation>此暂停已结束，无需恢复。请放弃。</translation>
    </message>
    <message>
        <source>The rules refuse it now: drop it.</source>
        <translation>按现行规则已不允许：请放弃此更改。</translation>
    </message>
    <message>
        <source>This change was saved by an older Dispatch Console and cannot be re-applied: drop it and do it again.</source>
        <translation>此更改由旧版调度台保存，无法重新应用：请放弃后重新操作。</translation>
    </message>
    <message>
        <source>The %1 is no longer there: this change cannot be re-applied; drop it.</source>
        <translation>该%1已不存在：此修改无法重新应用，请放弃。</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>更改未能保存：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier change(s) of this desk that made rows it changes were re-applied with it.</source>
        <translation>
            <numerusform>本台较早的 %n 项修改（创建了它所改动的记录）已一并重新应用。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later change(s) of this desk to rows it made were dropped with it.</source>
        <translation>
            <numerusform>本台之后对其所创建记录的 %n 项修改已一并放弃。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Not a working day</source>
        <translation>非工作日</translation>
    </message>
    <message>
        <source>The region the figures cover</source>
        <translation>统计所覆盖的区域</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>本班次</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负荷</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>外勤</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Customer levels</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>无法计算统计数据：%1</translation>
    </message>
    <message>
        <source>%1 to %2 · figures as of %3</source>
        <translation>%1 至 %2 · 数据截至 %3</translation>
    </message>
    <message>
        <source>Dashboard: %1</source>
        <translation>看板：%1</translation>
    </message>
</context>
<context>
    <name>DeadlineRecompute</name>
    <message>
        <source>Deadlines not recomputed: %1</source>
        <translation>时限未能重算：%1</translation>
    </message>
    <message>
        <source>Recomputing deadlines: %1 of %2 orders</source>
        <translation>正在重算时限：%1 / %2 张工单</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Nothing was saved</source>
        <translation>未保存任何内容</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>更改未能保存：%1</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: %1

Your saved work is safe. The details are in %2.</source>
        <translation>出现错误：%1

已保存的工作不会丢失。详细信息见 %2。</translation>
    </message>
</context>
<context>
    <name>ExceptionRulesDialog</name>
    <message>
        <source>Field exception rules</source>
        <translation>外勤异常规则</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Re-issue the order</source>
        <translation>重新派发工单</translation>
    </message>
    <message>
        <source>SLA clock</source>
        <translation>时限计时</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>继续计时</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Why the rules change (the notice or agreement they follow)</source>
        <translation>规则变更原因（所依据的通知或协议）</translation>
    </message>
    <message>
        <source>Only a shift supervisor or an administrator may change these rules.</source>
        <translation>只有值班长或管理员可以修改这些规则。</translation>
    </message>
    <message>
        <source>What an exception reported from the field does to its order. Reports already made keep what they did.</source>
        <translation>外勤上报的异常对工单的处理方式。已上报的异常保持原处理结果。</translation>
    </message>
    <message>
        <source>Say why the rules change.</source>
        <translation>请说明规则变更的原因。</translation>
    </message>
    <message>
        <source>The reason is longer than %1 characters.</source>
        <translation>原因超过%1个字符。</translation>
    </message>
</context>
<context>
    <name>FieldPanel</name>
    <message>
        <source>The order is archived and re-issued</source>
        <translation>工单归档并重新派发</translation>
    </message>
    <message>
        <source>The order is kept (not re-issued)</source>
        <translation>保留原工单（不重新派发）</translation>
    </message>
    <message>
        <source>its SLA clock pauses until the desk resumes it.</source>
        <translation>时限暂停，直到调度台恢复计时。</translation>
    </message>
    <message>
        <source>its SLA clock runs on.</source>
        <translation>时限继续计时。</translation>
    </message>
    <message>
        <source>Raise an exception…</source>
        <translation>上报异常…</translation>
    </message>
    <message>
        <source>Record an exception the technician called in and dispatch the order that carries on</source>
        <translation>记录技术员电话报告的异常，并派发后续工单</translation>
    </message>
    <message>
        <source>Exception rules…</source>
        <translation>异常规则…</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>审核确认…</translation>
    </message>
    <message>
        <source>A supervisor signs off a flagged check-in (off site or late) with a note</source>
        <translation>值班长对标记的签到（不在现场或迟到）填写说明并确认</translation>
    </message>
    <message>
        <source>Only a shift supervisor signs off a check-in</source>
        <translation>只有值班长可以确认签到</translation>
    </message>
    <message>
        <source>Send the signature link again</source>
        <translation>重发签字链接</translation>
    </message>
    <message>
        <source>Text the customer the link to sign the delivery report again</source>
        <translation>再次向客户发送交付报告签字链接短信</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>The field events could not be read: %1</source>
        <translation>无法读取外勤事件：%1</translation>
    </message>
    <message>
        <source>%1 exception(s) · %2 re-issued</source>
        <translation>%1条异常 · %2张已重派</translation>
    </message>
    <message>
        <source>median %1 min from report to re-issue</source>
        <translation>上报到重派中位数%1分钟</translation>
    </message>
    <message>
        <source>%1 paused the clock</source>
        <translation>%1张暂停计时</translation>
    </message>
    <message>
        <source>Kept appointments: %1 of %2 visits (%3) · %4 off site · %5 late · %6 flagged, not signed off</source>
        <translation>履约：%2次上门中%1次（%3）· %4次不在现场 · %5次迟到 · %6次标记未确认</translation>
    </message>
    <message>
        <source>%1 awaiting the customer&apos;s signature · %2 signed · %3 billing started</source>
        <translation>%1张待客户签字 · %2张已签字 · %3张已起租</translation>
    </message>
    <message>
        <source>%1 answer(s) · very satisfied %2 · %3 dissatisfied (call back)</source>
        <translation>%1份回答 · 非常满意%2 · %3份不满意（需回访）</translation>
    </message>
    <message>
        <source>Select an order dispatched to a technician first.</source>
        <translation>请先选择一张已派给技术员的工单。</translation>
    </message>
    <message>
        <source>Exception recorded on %1.</source>
        <translation>已在%1上记录异常。</translation>
    </message>
    <message>
        <source>The field exception rules were changed.</source>
        <translation>外勤异常规则已修改。</translation>
    </message>
    <message>
        <source>Check-in on %1 signed off.</source>
        <translation>%1的签到已确认。</translation>
    </message>
    <message>
        <source>The signature link for %1 will be sent again.</source>
        <translation>将重新发送%1的签字链接。</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>未做任何更改</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>无法保存更改：%1</translation>
    </message>
    <message>
        <source>That order is no longer open: it is not in the queue.</source>
        <translation>该工单已不在处理中，不在队列里。</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Re-issued as</source>
        <translation>重派为</translation>
    </message>
    <message>
        <source>To re-issue</source>
        <translation>重派</translation>
    </message>
    <message>
        <source>SLA clock</source>
        <translation>时限计时</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>kept (not re-issued)</source>
        <translation>保留（未重派）</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Ran on</source>
        <translation>继续计时</translation>
    </message>
    <message>
        <source>%1 re-issued as %2 (now %3); double-click to open it</source>
        <translation>%1已重派为%2（当前%3）；双击打开</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Against the window</source>
        <translation>与预约时段比</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>no site position</source>
        <translation>站点无坐标</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1米</translation>
    </message>
    <message>
        <source>%1, off site</source>
        <translation>%1，不在现场</translation>
    </message>
    <message>
        <source>Appointment window %1</source>
        <translation>预约时段 %1</translation>
    </message>
    <message>
        <source>no appointment</source>
        <translation>无预约</translation>
    </message>
    <message>
        <source>on time (kept)</source>
        <translation>准时（履约）</translation>
    </message>
    <message>
        <source>late by %1</source>
        <translation>迟到%1</translation>
    </message>
    <message>
        <source>early by %1</source>
        <translation>提前%1</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>Delivery report</source>
        <translation>交付报告</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Billing start</source>
        <translation>起租</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1毫秒</translation>
    </message>
    <message>
        <source>↓%1 ↑%2 Mbps</source>
        <translation>↓%1 ↑%2 Mbps</translation>
    </message>
    <message>
        <source>signed on site</source>
        <translation>现场签字</translation>
    </message>
    <message>
        <source>signed through the link</source>
        <translation>通过链接签字</translation>
    </message>
    <message>
        <source>link sent %1</source>
        <translation>链接已发送 %1</translation>
    </message>
    <message>
        <source>awaiting the signature</source>
        <translation>待签字</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回答时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
</context>
<context>
    <name>FieldSection</name>
    <message>
        <source>Kept appointments (履约率)</source>
        <translation>履约率</translation>
    </message>
    <message>
        <source>Appointments not kept</source>
        <translation>未履约的预约</translation>
    </message>
    <message>
        <source>Off-site check-ins</source>
        <translation>不在现场的签到</translation>
    </message>
    <message>
        <source>Exception rate</source>
        <translation>异常率</translation>
    </message>
    <message>
        <source>Orders with a field exception</source>
        <translation>有外勤异常的工单</translation>
    </message>
    <message>
        <source>Exception to re-issue</source>
        <translation>异常到重派</translation>
    </message>
    <message>
        <source>First-visit completion</source>
        <translation>一次上门完成率</translation>
    </message>
    <message>
        <source>Not done at the first visit</source>
        <translation>首次上门未完成</translation>
    </message>
    <message>
        <source>Returned the same day (回单)</source>
        <translation>当天回单</translation>
    </message>
    <message>
        <source>Not returned the day resolved</source>
        <translation>完成当天未回单</translation>
    </message>
    <message>
        <source>Click a figure to see its orders in the queue; double-click a team for the orders that fell short (not kept, off site, an exception, more than one visit, not returned the same day).</source>
        <translation>点击数字可在队列中查看相应工单；双击班组查看未达标的工单（未履约、不在现场、有异常、多次上门、未当天回单）。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Kept appointments</source>
        <translation>履约</translation>
    </message>
    <message>
        <source>Returned the same day</source>
        <translation>当天回单</translation>
    </message>
    <message>
        <source>Short of the mark: team %1</source>
        <translation>未达标：%1班组</translation>
    </message>
    <message>
        <source>%1 kept of %2 visits due</source>
        <translation>应上门%2次，履约%1次</translation>
    </message>
    <message>
        <source>%1 of %2 check-ins farther than allowed from the site</source>
        <translation>%2次签到中%1次超出允许距离</translation>
    </message>
    <message>
        <source>%1 of %2 orders met on site had a field exception</source>
        <translation>%2张上门工单中%1张有外勤异常</translation>
    </message>
    <message>
        <source>%1 of %2 resolved orders needed one visit</source>
        <translation>%2张已完成工单中%1张一次上门完成</translation>
    </message>
    <message>
        <source>%1 of %2 resolved orders returned the same day</source>
        <translation>%2张已完成工单中%1张当天回单</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message numerus="yes">
        <source>median of %n re-issued order(s)</source>
        <translation>
            <numerusform>%n张重派工单的中位数</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Audit finding for %1</source>
        <translation>%1的稽核结论</translation>
    </message>
    <message>
        <source>Another finding</source>
        <translation>其他问题</translation>
    </message>
    <message>
        <source>What the audit found, as you would write it in the report</source>
        <translation>稽核发现的问题（按报告中的写法）</translation>
    </message>
    <message>
        <source>The remedy (整改) asked for, and by when</source>
        <translation>要求的整改措施及期限</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Write the finding.</source>
        <translation>请填写稽核结论。</translation>
    </message>
    <message>
        <source>Keep the finding and the remedy under %1 characters each.</source>
        <translation>结论和整改各不超过%1个字符。</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>The technician is not active.</source>
        <translation>该装维人员未在岗。</translation>
    </message>
    <message>
        <source>The visit has no open order left.</source>
        <translation>该上门已没有处理中的工单。</translation>
    </message>
    <message>
        <source>The booking is pinned: unpin it before moving it.</source>
        <translation>该预约已锁定：先解除锁定再移动。</translation>
    </message>
    <message>
        <source>The start is in the past.</source>
        <translation>开始时间已过。</translation>
    </message>
    <message>
        <source>Overlaps %1 (%2–%3) of the same technician.</source>
        <translation>与同一人员的 %1（%2–%3）重叠。</translation>
    </message>
    <message>
        <source>Missing skill: %1.</source>
        <translation>缺少技能：%1。</translation>
    </message>
    <message>
        <source>Finishes %1 min after the SLA deadline (%2).</source>
        <translation>完成时间晚于时限 %1 分钟（%2）。</translation>
    </message>
    <message>
        <source>Outside the technician&apos;s shift.</source>
        <translation>不在该人员的班次内。</translation>
    </message>
    <message>
        <source>During the technician&apos;s break (%1–%2).</source>
        <translation>在该人员的休息时间内（%1–%2）。</translation>
    </message>
    <message>
        <source>Travel needs %1 min, only %2 min free.</source>
        <translation>路程需 %1 分钟，仅空出 %2 分钟。</translation>
    </message>
    <message>
        <source>The technician belongs to another region.</source>
        <translation>该人员属于其他区域。</translation>
    </message>
    <message>
        <source>Outside the customer&apos;s window (%1–%2): a reschedule.</source>
        <translation>超出客户约定时段（%1–%2）：需改约。</translation>
    </message>
    <message>
        <source>cannot be committed</source>
        <translation>无法提交</translation>
    </message>
    <message>
        <source>needs a reason</source>
        <translation>需填写理由</translation>
    </message>
    <message>
        <source>a supervisor, with a reason</source>
        <translation>需值班长并填写理由</translation>
    </message>
    <message>
        <source>agree a new window with the customer</source>
        <translation>需与客户约定新时段</translation>
    </message>
    <message>
        <source>missing skill</source>
        <translation>缺技能</translation>
    </message>
    <message>
        <source>no free slot</source>
        <translation>无空档</translation>
    </message>
    <message>
        <source>would breach</source>
        <translation>将超时</translation>
    </message>
    <message>
        <source>other region</source>
        <translation>其他区域</translation>
    </message>
    <message>
        <source>busy day</source>
        <translation>当天繁忙</translation>
    </message>
    <message>
        <source>The appointment no longer exists.</source>
        <translation>该预约已不存在。</translation>
    </message>
    <message>
        <source>The appointment is already kept, missed or cancelled.</source>
        <translation>该预约已履约、爽约或取消。</translation>
    </message>
    <message>
        <source>It is already confirmed.</source>
        <translation>已确认过。</translation>
    </message>
    <message>
        <source>The customer has not confirmed it yet.</source>
        <translation>客户尚未确认。</translation>
    </message>
    <message>
        <source>The technician reconfirms on the day of the visit.</source>
        <translation>装维人员在上门当天再次确认。</translation>
    </message>
    <message>
        <source>Choose the reason for the reschedule from the list.</source>
        <translation>请从列表中选择改约原因。</translation>
    </message>
    <message>
        <source>Write the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>The reason is longer than 500 characters.</source>
        <translation>原因超过 500 个字符。</translation>
    </message>
    <message>
        <source>The window must last between 30 minutes and 12 hours.</source>
        <translation>时段长度须在 30 分钟到 12 小时之间。</translation>
    </message>
    <message>
        <source>The window is already over.</source>
        <translation>该时段已经过去。</translation>
    </message>
    <message>
        <source>That is the window it already has.</source>
        <translation>与现有时段相同。</translation>
    </message>
    <message>
        <source>Only visits to the same site can be merged.</source>
        <translation>只有同一地点的上门可以合并。</translation>
    </message>
    <message>
        <source>Choose two different appointments.</source>
        <translation>请选择两个不同的预约。</translation>
    </message>
    <message>
        <source>Choose the orders the visit is for.</source>
        <translation>请选择本次上门对应的工单。</translation>
    </message>
    <message>
        <source>Order %1 already has an open appointment.</source>
        <translation>工单 %1 已有未完成的预约。</translation>
    </message>
    <message>
        <source>Order %1 is resolved or closed.</source>
        <translation>工单 %1 已处理完毕或已关闭。</translation>
    </message>
    <message>
        <source>One visit covers orders of one site only.</source>
        <translation>一次上门只能包含同一地点的工单。</translation>
    </message>
    <message>
        <source>The booking is pinned: unpin it first.</source>
        <translation>该预约已锁定：请先解除锁定。</translation>
    </message>
    <message>
        <source>Someone else changed it meanwhile; look again.</source>
        <translation>其间已被他人修改；请重新查看。</translation>
    </message>
    <message>
        <source>The booking rules do not allow it.</source>
        <translation>预约规则不允许。</translation>
    </message>
    <message>
        <source>The visit starts now or has started: it stays where it is.</source>
        <translation>该上门即将开始或已开始：保持原安排。</translation>
    </message>
</context>
<context>
    <name>HandoverNotice</name>
    <message>
        <source>⇄ Handover to acknowledge: %1</source>
        <translation>⇄ 待确认的交接：%1</translation>
    </message>
    <message>
        <source>Signed by %1 at %2. Click to read and acknowledge it.</source>
        <translation>%1 于 %2 签署。点击阅读并确认接班。</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Remark (double-click to write)</source>
        <translation>备注（双击填写）</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Notes for the incoming supervisor: what to watch, what was promised, what is left</source>
        <translation>给接班值班长的说明：需关注的事项、已答应客户的事、遗留工作</translation>
    </message>
    <message>
        <source>Sign handover…</source>
        <translation>签署交接…</translation>
    </message>
    <message>
        <source>Only a shift supervisor signs the handover; a dispatcher reads it.</source>
        <translation>交接由值班长签署；调度员只能查看。</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>本班次</translation>
    </message>
    <message>
        <source>Past handovers</source>
        <translation>历史交接</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>确认接班…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The handover could not be read: %1</source>
        <translation>无法读取交接：%1</translation>
    </message>
    <message>
        <source>Handover: %1, signed by %2 at %3, awaits the incoming supervisor&apos;s acknowledgement.</source>
        <translation>交接：%1，%2 于 %3 签署，等待接班值班长确认。</translation>
    </message>
    <message>
        <source>Handover: %1, signed by %2 at %3. Read it and acknowledge it.</source>
        <translation>交接：%1，%2 于 %3 签署。请阅读并确认接班。</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>This shift&apos;s handover was signed by %1 at %2.</source>
        <translation>本班次的交接已由 %1 于 %2 签署。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 项</translation>
    </message>
    <message>
        <source>Draft as of %1: %2 line(s). Untick a line to leave it out; double-click the remark to write one.</source>
        <translation>截至 %1 的草稿：%2 项。取消勾选可略去一项；双击备注栏可填写备注。</translation>
    </message>
    <message>
        <source>Draft as of %1: %2 line(s). The shift supervisor signs it.</source>
        <translation>截至 %1 的草稿：%2 项。由值班长签署。</translation>
    </message>
    <message>
        <source>A remark is kept to %1 characters.</source>
        <translation>备注最多 %1 字。</translation>
    </message>
    <message>
        <source>Sign the handover</source>
        <translation>签署交接</translation>
    </message>
    <message>
        <source>Sign the handover of the %1? The lines are recorded as they stand when it is signed (%2 left out); the incoming supervisor acknowledges it.</source>
        <translation>签署%1的交接？各项按签署时的状态记录（略去 %2 项）；由接班值班长确认。</translation>
    </message>
    <message>
        <source>Keep the notes under %1 characters.</source>
        <translation>说明请控制在 %1 字以内。</translation>
    </message>
    <message>
        <source>Acknowledge the handover</source>
        <translation>确认接班</translation>
    </message>
    <message>
        <source>Your note (what you take on, what you will check first):</source>
        <translation>您的说明（接手的事项、首先要核查的事项）：</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>未做任何更改</translation>
    </message>
    <message>
        <source>The handover could not be saved: %1</source>
        <translation>无法保存交接：%1</translation>
    </message>
    <message>
        <source>left out at signing</source>
        <translation>签署时略去</translation>
    </message>
    <message>
        <source>Orders at risk</source>
        <translation>有超时风险的工单</translation>
    </message>
    <message>
        <source>Field exceptions waiting</source>
        <translation>待处理的现场异常</translation>
    </message>
    <message>
        <source>Long pauses to approve</source>
        <translation>待审批的长时挂起</translation>
    </message>
    <message>
        <source>Alerts nobody acknowledged</source>
        <translation>无人确认的告警</translation>
    </message>
    <message>
        <source>Callbacks due</source>
        <translation>到期的回访</translation>
    </message>
    <message>
        <source>Day shift</source>
        <translation>白班</translation>
    </message>
    <message>
        <source>Night shift</source>
        <translation>夜班</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>自 %1 起超时</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>no technician</source>
        <translation>未派工程师</translation>
    </message>
    <message>
        <source>exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>reported %1</source>
        <translation>%1 上报</translation>
    </message>
    <message>
        <source>re-issued from %1</source>
        <translation>由 %1 重派</translation>
    </message>
    <message>
        <source>clock paused</source>
        <translation>计时已挂起</translation>
    </message>
    <message>
        <source>not dispatched yet</source>
        <translation>尚未派单</translation>
    </message>
    <message>
        <source>paused since %1</source>
        <translation>自 %1 起挂起</translation>
    </message>
    <message>
        <source>awaits approval since %1</source>
        <translation>自 %1 起待审批</translation>
    </message>
    <message>
        <source>needs approval from %1</source>
        <translation>%1 起需审批</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>was due %1</source>
        <translation>原定 %1 到期</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>未确认</translation>
    </message>
</context>
<context>
    <name>HandoverRecords</name>
    <message>
        <source>A person, an order number, a customer or words of the notes</source>
        <translation>人员、工单号、客户或说明中的文字</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签署时间</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>接班确认人</translation>
    </message>
    <message>
        <source>Acknowledged at</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>项数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Past shift handovers</source>
        <translation>历史交接班记录</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>搜索：</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>The handovers could not be read: %1</source>
        <translation>无法读取交接记录：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n handover(s)</source>
        <translation>
            <numerusform>%n 条交接</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>Signed by %1 at %2</source>
        <translation>%1 于 %2 签署</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>%1 于 %2 确认接班</translation>
    </message>
    <message>
        <source>Not acknowledged yet</source>
        <translation>尚未确认接班</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>说明：%1</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Order no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Order number, circuit, customer, phone, address, technician or order-system reference</source>
        <translation>工单号、电路、客户、电话、地址、技术员或业务系统编号</translation>
    </message>
    <message>
        <source>Type two letters or more to search every order this desk holds, open or closed.</source>
        <translation>输入至少两个字符，搜索本台保存的所有工单（处理中或已归档）。</translation>
    </message>
    <message>
        <source>Choose an order to see its whole story.</source>
        <translation>选择一张工单查看其完整过程。</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>Type two letters or more.</source>
        <translation>请至少输入两个字符。</translation>
    </message>
    <message>
        <source>No order matches “%1”.</source>
        <translation>没有与“%1”匹配的工单。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s), newest first</source>
        <translation>
            <numerusform>%n张工单，最新在前</numerusform>
        </translation>
    </message>
    <message>
        <source>more than %1 more: type more to narrow the search</source>
        <translation>还有超过%1张：请输入更多内容缩小范围</translation>
    </message>
    <message>
        <source>%1 more: type more to narrow the search</source>
        <translation>还有%1张：请输入更多内容缩小范围</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Survey</source>
        <translation>资源勘查</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>业务开通</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>New</source>
        <translation>待派单</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已作废重派</translation>
    </message>
    <message>
        <source>Key assurance</source>
        <translation>重点保障级</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>钻石</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金牌</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银牌</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>铜牌</translation>
    </message>
    <message>
        <source>AAA</source>
        <translation>AAA</translation>
    </message>
    <message>
        <source>AA</source>
        <translation>AA</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>普通级</translation>
    </message>
    <message>
        <source>Dedicated internet line</source>
        <translation>互联网专线</translation>
    </message>
    <message>
        <source>Data private line</source>
        <translation>数据专线</translation>
    </message>
    <message>
        <source>MPLS VPN</source>
        <translation>MPLS VPN</translation>
    </message>
    <message>
        <source>SD-WAN</source>
        <translation>SD-WAN</translation>
    </message>
    <message>
        <source>Cloud private line</source>
        <translation>云专线</translation>
    </message>
    <message>
        <source>Voice trunk</source>
        <translation>语音中继</translation>
    </message>
    <message>
        <source>Resource check</source>
        <translation>资源核查</translation>
    </message>
    <message>
        <source>Construction</source>
        <translation>工程施工</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>传输/数据配置</translation>
    </message>
    <message>
        <source>On-site installation</source>
        <translation>上门安装</translation>
    </message>
    <message>
        <source>Test and delivery</source>
        <translation>测试交付</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Reconfirmed on the day</source>
        <translation>当日已再确认</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>已履约</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未履约</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>改约</translation>
    </message>
    <message>
        <source>Merged into one visit</source>
        <translation>合并为一次上门</translation>
    </message>
    <message>
        <source>Moved on the board</source>
        <translation>在排班板上移动</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Unpinned</source>
        <translation>已解除锁定</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Customer asked</source>
        <translation>客户要求</translation>
    </message>
    <message>
        <source>Customer unreachable</source>
        <translation>联系不上客户</translation>
    </message>
    <message>
        <source>Site not ready</source>
        <translation>现场不具备条件</translation>
    </message>
    <message>
        <source>Technician unavailable</source>
        <translation>装维人员无法到场</translation>
    </message>
    <message>
        <source>Material missing</source>
        <translation>缺少材料</translation>
    </message>
    <message>
        <source>Weather</source>
        <translation>天气原因</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Customer not ready</source>
        <translation>客户未准备好</translation>
    </message>
    <message>
        <source>Customer asked to postpone</source>
        <translation>客户要求延期</translation>
    </message>
    <message>
        <source>Fiber port broken</source>
        <translation>光纤端子损坏</translation>
    </message>
    <message>
        <source>Fiber port taken</source>
        <translation>光纤端子被占用</translation>
    </message>
    <message>
        <source>Optical box unusable</source>
        <translation>用户端光箱无法使用</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>调度员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>装维人员</translation>
    </message>
    <message>
        <source>Site survey</source>
        <translation>勘查</translation>
    </message>
    <message>
        <source>Fiber splicing</source>
        <translation>光纤熔接</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>安装</translation>
    </message>
    <message>
        <source>Data configuration</source>
        <translation>数据配置</translation>
    </message>
    <message>
        <source>Transmission</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Fault repair</source>
        <translation>故障维修</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>the order is closed</source>
        <translation>工单已结束</translation>
    </message>
    <message>
        <source>the technician is on site; hand the order over in the field first</source>
        <translation>装维人员正在现场，请先在现场完成交接</translation>
    </message>
    <message>
        <source>the order is resolved and waits for the customer&apos;s signature</source>
        <translation>工单已完成，等待客户签收</translation>
    </message>
    <message>
        <source>the clock is already paused</source>
        <translation>已在暂停计时</translation>
    </message>
    <message>
        <source>the clock is not paused</source>
        <translation>未在暂停计时</translation>
    </message>
    <message>
        <source>the pause is already approved</source>
        <translation>该暂停已批准</translation>
    </message>
    <message>
        <source>only a shift supervisor may approve a long pause</source>
        <translation>只有值班长可以批准超时长暂停</translation>
    </message>
    <message>
        <source>the priority must be between 1 and 5</source>
        <translation>优先级必须在 1 到 5 之间</translation>
    </message>
    <message>
        <source>the technician is no longer active</source>
        <translation>该装维人员已停用</translation>
    </message>
    <message>
        <source>the order was changed elsewhere; look at it again</source>
        <translation>工单已在别处被修改，请重新查看</translation>
    </message>
    <message>
        <source>the order no longer exists</source>
        <translation>工单已不存在</translation>
    </message>
    <message>
        <source>the order has no technician</source>
        <translation>该工单尚未派给装维人员</translation>
    </message>
    <message>
        <source>the technician has accepted the order; hand it over in the field first</source>
        <translation>装维人员已接单，请先在现场完成交接</translation>
    </message>
    <message>
        <source>the order is not accepted yet</source>
        <translation>工单尚未接单</translation>
    </message>
    <message>
        <source>the work has not started yet</source>
        <translation>工作尚未开始</translation>
    </message>
    <message>
        <source>the work has already started</source>
        <translation>工作已经开始</translation>
    </message>
    <message>
        <source>the order is not resolved yet</source>
        <translation>工单尚未完成</translation>
    </message>
    <message>
        <source>the completion was already returned to the order system</source>
        <translation>已向业务系统回单</translation>
    </message>
    <message>
        <source>a provisioning order is completed by the delivery report and closed by the customer&apos;s signature</source>
        <translation>开通工单由交付报告完成、客户签字后归档</translation>
    </message>
    <message>
        <source>record the network investigation first</source>
        <translation>请先记录网络排查</translation>
    </message>
    <message>
        <source>the investigation is already recorded</source>
        <translation>排查已记录</translation>
    </message>
    <message>
        <source>only a complaint has an investigation stage</source>
        <translation>只有投诉单有排查环节</translation>
    </message>
    <message>
        <source>the order has no department step running</source>
        <translation>该工单没有正在进行的部门环节</translation>
    </message>
    <message>
        <source>that step is not the one running</source>
        <translation>该环节不是当前环节</translation>
    </message>
    <message>
        <source>that step is already done</source>
        <translation>该环节已完成</translation>
    </message>
    <message>
        <source>The customer withdrew it</source>
        <translation>客户撤销</translation>
    </message>
    <message>
        <source>Ordered twice</source>
        <translation>重复下单</translation>
    </message>
    <message>
        <source>Withdrawn by the order system</source>
        <translation>业务系统撤单</translation>
    </message>
    <message>
        <source>No resource can serve the site</source>
        <translation>无资源可满足该站点</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <source>overall</source>
        <translation>整体</translation>
    </message>
    <message>
        <source>resource check</source>
        <translation>资源核查</translation>
    </message>
    <message>
        <source>construction</source>
        <translation>工程施工</translation>
    </message>
    <message>
        <source>configuration</source>
        <translation>传输/数据配置</translation>
    </message>
    <message>
        <source>on-site installation</source>
        <translation>上门安装</translation>
    </message>
    <message>
        <source>test and delivery</source>
        <translation>测试交付</translation>
    </message>
    <message>
        <source>response</source>
        <translation>接单</translation>
    </message>
    <message>
        <source>restoration</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>investigation</source>
        <translation>网络排查</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>反馈客户</translation>
    </message>
    <message>
        <source>Order received</source>
        <translation>收到工单</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已派工</translation>
    </message>
    <message>
        <source>Taken back from the technician</source>
        <translation>已撤回派单</translation>
    </message>
    <message>
        <source>Archived and re-issued</source>
        <translation>已归档并重新派单</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Network investigation recorded</source>
        <translation>已记录网络排查</translation>
    </message>
    <message>
        <source>Returned to the order system</source>
        <translation>已回单</translation>
    </message>
    <message>
        <source>Department step done</source>
        <translation>部门环节完成</translation>
    </message>
    <message>
        <source>Department chased</source>
        <translation>已催办部门</translation>
    </message>
    <message>
        <source>SLA clock paused</source>
        <translation>时限暂停计时</translation>
    </message>
    <message>
        <source>SLA clock resumed</source>
        <translation>时限恢复计时</translation>
    </message>
    <message>
        <source>Long pause approved</source>
        <translation>已批准长时间暂停</translation>
    </message>
    <message>
        <source>Priority changed</source>
        <translation>优先级已调整</translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Appointment rescheduled</source>
        <translation>已改约</translation>
    </message>
    <message>
        <source>Check-in on site</source>
        <translation>现场签到</translation>
    </message>
    <message>
        <source>the disk of this computer is full, so nothing was saved. Free some space (or ask IT to), then do it again: your earlier work is safe.</source>
        <translation>本机磁盘已满，本次操作未保存。请清理出空间（或请 IT 协助）后再操作一次：之前的工作不受影响。</translation>
    </message>
    <message>
        <source>the disk of this computer could not write the data file, so nothing was saved. Do it again; if it happens again, ask IT to check the disk: your earlier work is safe.</source>
        <translation>本机磁盘无法写入数据文件，本次操作未保存。请再操作一次；如仍出现，请 IT 检查磁盘：之前的工作不受影响。</translation>
    </message>
    <message>
        <source>Field exception</source>
        <translation>现场异常</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色预警</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Long pause</source>
        <translation>长时挂起</translation>
    </message>
    <message>
        <source>Off-site check-in</source>
        <translation>异地签到</translation>
    </message>
    <message>
        <source>Exception waiting</source>
        <translation>异常待处理</translation>
    </message>
    <message>
        <source>Callback overdue</source>
        <translation>回访超期</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>Delivery report</source>
        <translation>交付报告</translation>
    </message>
    <message>
        <source>Customer signed</source>
        <translation>客户已签收</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Check-in signed off</source>
        <translation>签到已确认</translation>
    </message>
    <message>
        <source>Signature link sent</source>
        <translation>签字链接已发送</translation>
    </message>
    <message>
        <source>Field exception rule changed</source>
        <translation>外勤异常规则已修改</translation>
    </message>
    <message>
        <source>Alert acknowledged</source>
        <translation>告警已确认</translation>
    </message>
    <message>
        <source>Alert escalated to the supervisors</source>
        <translation>告警已升级至值班长</translation>
    </message>
    <message>
        <source>Satisfaction callback taken</source>
        <translation>领取满意度回访</translation>
    </message>
    <message>
        <source>Satisfaction callback assigned</source>
        <translation>指派满意度回访</translation>
    </message>
    <message>
        <source>Customer called back</source>
        <translation>已回访客户</translation>
    </message>
    <message>
        <source>Callback remedy recorded</source>
        <translation>已记录回访整改</translation>
    </message>
    <message>
        <source>Callback remedy closed</source>
        <translation>回访整改已关闭</translation>
    </message>
    <message>
        <source>every level</source>
        <translation>所有等级</translation>
    </message>
    <message>
        <source>one action may change at most %1 rows, this one would change %2: do it in smaller parts (fewer orders at a time).</source>
        <translation>一次操作最多修改 %1 行，本次将修改 %2 行：请分批进行（每次选择较少的工单）。</translation>
    </message>
</context>
<context>
    <name>LegendButton</name>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>What the colours, edges and marks on the board mean</source>
        <translation>排班板上颜色、边框和标记的含义</translation>
    </message>
</context>
<context>
    <name>LevelsSection</name>
    <message>
        <source>Diamond customers&apos; share</source>
        <translation>钻石客户占比</translation>
    </message>
    <message>
        <source>Silver customers&apos; share</source>
        <translation>银牌客户占比</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>钻石</translation>
    </message>
    <message>
        <source>Diamond share</source>
        <translation>钻石占比</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银牌</translation>
    </message>
    <message>
        <source>Silver share</source>
        <translation>银牌占比</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>配额</translation>
    </message>
    <message>
        <source>quota %1</source>
        <translation>配额%1</translation>
    </message>
    <message>
        <source>Diamond over %1</source>
        <translation>钻石超过%1</translation>
    </message>
    <message>
        <source>Silver over %1</source>
        <translation>银牌超过%1</translation>
    </message>
    <message>
        <source>Within quota</source>
        <translation>在配额内</translation>
    </message>
    <message>
        <source>Open orders of Diamond customers</source>
        <translation>钻石客户的在途工单</translation>
    </message>
    <message>
        <source>Open orders of Silver customers</source>
        <translation>银牌客户的在途工单</translation>
    </message>
</context>
<context>
    <name>LifecycleMenu</name>
    <message>
        <source>&amp;Progress</source>
        <translation>进度(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Accept (response)</source>
        <translation>接单(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Start work</source>
        <translation>开始处理(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Investigation done…</source>
        <translation>排查完成(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>完成(&amp;R)…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>归档(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;turn to the order system</source>
        <translation>回单(&amp;T)</translation>
    </message>
    <message>
        <source>Department step &amp;done…</source>
        <translation>部门环节完成(&amp;D)…</translation>
    </message>
    <message>
        <source>C&amp;hase the department…</source>
        <translation>催办部门(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Cancel the order…</source>
        <translation>撤单(&amp;C)…</translation>
    </message>
    <message>
        <source>Network investigation done</source>
        <translation>网络排查完成</translation>
    </message>
    <message>
        <source>Record the network investigation (排查) of %1 complaint(s): the feedback to the customer is due next.</source>
        <translation>记录%1张投诉的网络排查：接下来应向客户反馈。</translation>
    </message>
    <message>
        <source>What the investigation found</source>
        <translation>排查结果</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Resolve %1 order(s): the work is done (a complaint: the customer has had the feedback).</source>
        <translation>完成%1张工单：工作已完成（投诉：已向客户反馈）。</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理内容</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>撤单</translation>
    </message>
    <message>
        <source>Cancel %1 order(s). A visit booked only for them is cancelled too.</source>
        <translation>撤销%1张工单。仅为这些工单预约的上门也一并取消。</translation>
    </message>
    <message>
        <source>Who asked for it, and why</source>
        <translation>谁要求撤单，原因是什么</translation>
    </message>
    <message>
        <source>Department step done</source>
        <translation>部门环节完成</translation>
    </message>
    <message>
        <source>Order %1: %2 is done. The next department&apos;s step starts now with its own limit.</source>
        <translation>工单%1：%2已完成。下一部门环节从现在开始按其自身时限计时。</translation>
    </message>
    <message>
        <source>Who confirmed it, what was handed over</source>
        <translation>谁确认的，移交了什么</translation>
    </message>
    <message>
        <source>Chase the department</source>
        <translation>催办部门</translation>
    </message>
    <message>
        <source>Chase (催办) the department of the running step of %1 order(s). It is recorded in each order&apos;s history.</source>
        <translation>催办%1张工单当前环节的部门。催办记录在每张工单的历史中。</translation>
    </message>
    <message>
        <source>Whom you reached, what they promised</source>
        <translation>联系了谁，对方承诺了什么</translation>
    </message>
</context>
<context>
    <name>LoadSection</name>
    <message>
        <source>Utilisation by team (visits and travel against shift time)</source>
        <translation>各班组利用率（上门和路途时间占班次时间）</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>技术员数</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>在途工单</translation>
    </message>
    <message>
        <source>Booked h</source>
        <translation>已排小时</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Open orders of team %1</source>
        <translation>%1班组的在途工单</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Busy h</source>
        <translation>忙碌小时</translation>
    </message>
    <message>
        <source>Shift h</source>
        <translation>班次小时</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Open orders of %1</source>
        <translation>%1的在途工单</translation>
    </message>
    <message>
        <source>overbooked</source>
        <translation>超负荷</translation>
    </message>
    <message>
        <source>no shift</source>
        <translation>无班次</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; idle (under %2 of their shift) · &lt;b&gt;%3&lt;/b&gt; overbooked (over %4) · double-click a row for its open orders</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;人空闲（低于班次的%2）· &lt;b&gt;%3&lt;/b&gt;人超负荷（超过%4）· 双击一行查看其在途工单</translation>
    </message>
    <message>
        <source>Overbooked</source>
        <translation>超负荷</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>No shift</source>
        <translation>无班次</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the centre</source>
        <translation>登录中心</translation>
    </message>
    <message>
        <source>Remember the password in this computer&apos;s keyring</source>
        <translation>在本机的系统钥匙串中记住密码</translation>
    </message>
    <message>
        <source>This computer has no keyring: the password is asked at each start.</source>
        <translation>本机没有系统钥匙串：每次启动都会询问密码。</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dispatch Console</source>
        <translation>调度台</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Schedule board</source>
        <translation>排班板</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>工单(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Book a visit…</source>
        <translation>预约上门(&amp;B)…</translation>
    </message>
    <message>
        <source>Find a &amp;technician…</source>
        <translation>查找装维人员(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Optimise the plan…</source>
        <translation>优化排班(&amp;O)…</translation>
    </message>
    <message>
        <source>Technician&apos;s &amp;route today…</source>
        <translation>装维人员当日路线(&amp;R)…</translation>
    </message>
    <message>
        <source>Working &amp;calendar…</source>
        <translation>工作日历(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Order &amp;details</source>
        <translation>工单详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>地图(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>值班长(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Dispatch Console</source>
        <translation>关于调度台(&amp;A)</translation>
    </message>
    <message>
        <source>Select one order to book its visit.</source>
        <translation>请选择一张工单来预约上门。</translation>
    </message>
    <message>
        <source>all regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>仅本地</translation>
    </message>
    <message>
        <source>No central service is configured: changes stay in this desk&apos;s data file.</source>
        <translation>未配置中心服务：所有修改只保存在本调度台的数据文件中。</translation>
    </message>
    <message>
        <source>Loading the queue…</source>
        <translation>正在加载工单队列…</translation>
    </message>
    <message>
        <source>Select an order in the queue first.</source>
        <translation>请先在队列中选择一张工单。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) changed and saved.</source>
        <translation>
            <numerusform>已修改并保存 %n 张工单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Whose route?</source>
        <translation>查看谁的路线？</translation>
    </message>
    <message>
        <source>%1: %2 appointment(s) today</source>
        <translation>%1：今日 %2 个预约</translation>
    </message>
    <message>
        <source>Breached: %1</source>
        <translation>已超时：%1</translation>
    </message>
    <message>
        <source>Turned red: %1</source>
        <translation>进入红色预警：%1</translation>
    </message>
    <message>
        <source>SLA alert</source>
        <translation>时限预警</translation>
    </message>
    <message>
        <source>The data could not be read: %1</source>
        <translation>无法读取数据：%1</translation>
    </message>
    <message>
        <source>Open orders in this band, of those the queue&apos;s filter shows</source>
        <translation>此色段的未结工单（按队列当前筛选）</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation>数据文件：%1</translation>
    </message>
    <message>
        <source>About Dispatch Console</source>
        <translation>关于调度台</translation>
    </message>
    <message>
        <source>Dispatch Console %1
The dispatch desk for enterprise-line installation and repair.</source>
        <translation>调度台 %1
政企专线装维调度台。</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>告警(&amp;A)</translation>
    </message>
    <message>
        <source>Alerts nobody has acknowledged (F9: the list)</source>
        <translation>无人确认的告警（F9：告警列表）</translation>
    </message>
    <message>
        <source>⇪ %1 escalated</source>
        <translation>⇪ %1 条已升级</translation>
    </message>
    <message>
        <source>⚠ %1 alerts</source>
        <translation>⚠ %1 条告警</translation>
    </message>
    <message>
        <source>Compliance audit</source>
        <translation>稽核</translation>
    </message>
    <message>
        <source>Compliance a&amp;udit</source>
        <translation>稽核(&amp;U)</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>&amp;Dashboards</source>
        <translation>看板(&amp;D)</translation>
    </message>
    <message>
        <source>SLA, load, field, satisfaction and customer levels</source>
        <translation>时限、负荷、外勤、满意度和客户等级</translation>
    </message>
    <message>
        <source>Field events</source>
        <translation>外勤事件</translation>
    </message>
    <message>
        <source>&amp;Field events</source>
        <translation>外勤事件(&amp;F)</translation>
    </message>
    <message>
        <source>Raise a field &amp;exception…</source>
        <translation>上报外勤异常(&amp;E)…</translation>
    </message>
    <message>
        <source>Field exception r&amp;ules…</source>
        <translation>外勤异常规则(&amp;U)…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Order &amp;history…</source>
        <translation>工单历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Find any order, open or closed, and see its whole story</source>
        <translation>查找任意工单（处理中或已归档）并查看其完整过程</translation>
    </message>
    <message>
        <source>Satisfaction callbacks</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>Satisfaction call&amp;backs</source>
        <translation>满意度回访(&amp;B)</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Shift &amp;handover</source>
        <translation>交接班(&amp;H)</translation>
    </message>
    <message>
        <source>The handover to the incoming shift supervisor, and the past ones</source>
        <translation>向接班值班长的交接，以及历史交接</translation>
    </message>
    <message>
        <source>&amp;Monthly report…</source>
        <translation>月度运营分析报告(&amp;M)…</translation>
    </message>
    <message>
        <source>The month&apos;s operational analysis report as PDF and Excel</source>
        <translation>当月运营分析报告（PDF 与 Excel）</translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation>规则设置(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>MapDock</name>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Place on the map</source>
        <translation>在地图上定位</translation>
    </message>
    <message>
        <source>Put %1 at %2, %3 on the map? The change is kept in the site&apos;s history.</source>
        <translation>将 %1 定位到 %2, %3？此更改会记入该装机地址的历史。</translation>
    </message>
    <message numerus="yes">
        <source>Asked the geocoder again for %n site(s); their positions come with the next sync.</source>
        <translation>
            <numerusform>已请地理编码服务重新查询 %n 个地址；坐标将随下次同步到达。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>未做任何修改</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>更改无法保存：%1</translation>
    </message>
</context>
<context>
    <name>MapTiles</name>
    <message>
        <source>The basemap file %1 does not exist.</source>
        <translation>底图文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The basemap file %1 is a folder, not a file.</source>
        <translation>底图文件 %1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>The basemap file %1 cannot be read (%2).</source>
        <translation>无法读取底图文件 %1（%2）。</translation>
    </message>
    <message>
        <source>The basemap file %1 is neither an MBTiles nor a PMTiles file.</source>
        <translation>底图文件 %1 既不是 MBTiles 文件，也不是 PMTiles 文件。</translation>
    </message>
    <message>
        <source>The basemap file %1 is an SQLite database but not MBTiles (it has no tiles table).</source>
        <translation>底图文件 %1 是 SQLite 数据库，但不是 MBTiles（没有 tiles 表）。</translation>
    </message>
    <message>
        <source>The basemap file %1 holds vector tiles (%2); the map shows raster tiles (PNG, JPEG or WebP): ask your GIS team for a raster export.</source>
        <translation>底图文件 %1 是矢量瓦片（%2）；地图只能显示栅格瓦片（PNG、JPEG 或 WebP）：请向 GIS 团队索取栅格导出。</translation>
    </message>
    <message>
        <source>The basemap file %1 holds tiles in a format the map cannot show (%2).</source>
        <translation>底图文件 %1 中的瓦片格式地图无法显示（%2）。</translation>
    </message>
    <message>
        <source>The basemap file %1 holds no tiles.</source>
        <translation>底图文件 %1 中没有瓦片。</translation>
    </message>
    <message>
        <source>The map shows the district outlines without it; change the basemap file in the settings.</source>
        <translation>地图将不使用该文件，只显示行政区轮廓；请在设置中更换底图文件。</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Place on the map</source>
        <translation>在地图上定位</translation>
    </message>
    <message>
        <source>Then click where the site is on the map (Esc: cancel); or drag the site from the list onto the map</source>
        <translation>然后在地图上点击该地址所在位置（Esc 取消）；也可把地址从列表拖到地图上</translation>
    </message>
    <message>
        <source>Geocode again</source>
        <translation>重新地理编码</translation>
    </message>
    <message>
        <source>Ask the centre&apos;s geocoder again for the selected sites&apos; positions</source>
        <translation>请中心的地理编码服务重新查询所选地址的坐标</translation>
    </message>
    <message>
        <source>Technician seen</source>
        <translation>技术员位置</translation>
    </message>
    <message>
        <source>lately</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>%1+ min ago</source>
        <translation>%1分钟以前</translation>
    </message>
    <message>
        <source>%1+ h ago</source>
        <translation>%1小时以前</translation>
    </message>
    <message>
        <source>Lasso: draw around sites to select their orders (Esc cancels)</source>
        <translation>套索选择：圈出装机地址以选中其工单（Esc 取消）</translation>
    </message>
    <message>
        <source>no position reported</source>
        <translation>未上报位置</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>最后位置 %1</translation>
    </message>
    <message>
        <source>no position</source>
        <translation>无坐标</translation>
    </message>
    <message>
        <source>impossible position</source>
        <translation>坐标不可能</translation>
    </message>
    <message>
        <source>far outside the service area</source>
        <translation>远在服务区域之外</translation>
    </message>
    <message>
        <source>Unplaced sites (%1)</source>
        <translation>未定位的装机地址（%1）</translation>
    </message>
    <message>
        <source>Click where the site is (Esc: cancel)</source>
        <translation>点击该地址所在位置（Esc 取消）</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <source>Monthly operational analysis report</source>
        <translation>月度运营分析报告</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>数据截至</translation>
    </message>
    <message>
        <source>The month is not over: the figures are as of the time above.</source>
        <translation>该月尚未结束：数据截至上述时间。</translation>
    </message>
    <message>
        <source>Due by the 5th of the next month</source>
        <translation>次月 5 日前报送</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>SLA 达标情况</translation>
    </message>
    <message>
        <source>SLA compliance by kind</source>
        <translation>按工单类型的 SLA 达标情况</translation>
    </message>
    <message>
        <source>SLA compliance by customer level</source>
        <translation>按客户等级的 SLA 达标情况</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>超时工单</translation>
    </message>
    <message>
        <source>Causes of breaches</source>
        <translation>超时原因</translation>
    </message>
    <message>
        <source>Load and utilisation</source>
        <translation>工作量与利用率</translation>
    </message>
    <message>
        <source>Field compliance</source>
        <translation>现场规范</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>现场异常</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Dissatisfied answers</source>
        <translation>不满意评价</translation>
    </message>
    <message>
        <source>Customer-level quotas</source>
        <translation>客户等级配额</translation>
    </message>
    <message>
        <source>Open orders by band at each day&apos;s end</source>
        <translation>每日结束时各预警等级的在途工单</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer level</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Compliance rate</source>
        <translation>达标率</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Finished at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Hours late</source>
        <translation>超时小时数</translation>
    </message>
    <message>
        <source>Unfinished at month end</source>
        <translation>月末未完成</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Exceptions met</source>
        <translation>遇到的异常</translation>
    </message>
    <message>
        <source>Late departments</source>
        <translation>超时的专业部门</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>late at the desk or in the field</source>
        <translation>调度台或现场延误</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>工程师数</translation>
    </message>
    <message>
        <source>Orders finished</source>
        <translation>完成工单</translation>
    </message>
    <message>
        <source>Hours booked</source>
        <translation>预约工时</translation>
    </message>
    <message>
        <source>Hours on visits and driving</source>
        <translation>上门与路途工时</translation>
    </message>
    <message>
        <source>Shift hours</source>
        <translation>排班工时</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Idle technicians</source>
        <translation>空闲工程师</translation>
    </message>
    <message>
        <source>Overbooked technicians</source>
        <translation>超负荷工程师</translation>
    </message>
    <message>
        <source>Appointments kept</source>
        <translation>履约</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>检查数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>Exceptions reported</source>
        <translation>上报异常数</translation>
    </message>
    <message>
        <source>Orders that met an exception</source>
        <translation>遇到异常的工单</translation>
    </message>
    <message>
        <source>Orders met on site</source>
        <translation>上门工单</translation>
    </message>
    <message>
        <source>Exception rate</source>
        <translation>异常率</translation>
    </message>
    <message>
        <source>Orders re-issued</source>
        <translation>重派工单</translation>
    </message>
    <message>
        <source>Median minutes to re-issue</source>
        <translation>重派用时中位数（分钟）</translation>
    </message>
    <message>
        <source>90th percentile minutes to re-issue</source>
        <translation>重派用时 90 分位（分钟）</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>评价数</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Very-satisfied rate</source>
        <translation>非常满意率</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>评价人</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <source>Callbacks due</source>
        <translation>应回访</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Remedies closed</source>
        <translation>整改已关闭</translation>
    </message>
    <message>
        <source>Callbacks overdue</source>
        <translation>回访超期</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>钻石</translation>
    </message>
    <message>
        <source>Diamond share</source>
        <translation>钻石占比</translation>
    </message>
    <message>
        <source>Diamond quota</source>
        <translation>钻石配额</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银牌</translation>
    </message>
    <message>
        <source>Silver share</source>
        <translation>银牌占比</translation>
    </message>
    <message>
        <source>Silver quota</source>
        <translation>银牌配额</translation>
    </message>
    <message>
        <source>Over quota</source>
        <translation>超配额</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The first %1 of %2 are listed.</source>
        <translation>仅列出 %2 条中的前 %1 条。</translation>
    </message>
    <message>
        <source>Nothing in this month.</source>
        <translation>本月无记录。</translation>
    </message>
    <message>
        <source>SLA compliance of the orders finished in the month</source>
        <translation>当月完成工单的 SLA 达标情况</translation>
    </message>
    <message>
        <source>Breaches (finished late, or unfinished past a deadline in the month)</source>
        <translation>超时工单（超时完成，或当月已过时限仍未完成）</translation>
    </message>
    <message>
        <source>Utilisation of the technicians</source>
        <translation>工程师利用率</translation>
    </message>
    <message>
        <source>Field exceptions reported</source>
        <translation>上报的现场异常</translation>
    </message>
    <message>
        <source>Dissatisfied answers called back</source>
        <translation>不满意评价的回访</translation>
    </message>
    <message>
        <source>Regions over a level quota</source>
        <translation>超出等级配额的区域</translation>
    </message>
    <message>
        <source>Clock paused for</source>
        <translation>计时挂起原因</translation>
    </message>
    <message>
        <source>Field exception</source>
        <translation>现场异常</translation>
    </message>
    <message>
        <source>Department late</source>
        <translation>专业部门超时</translation>
    </message>
    <message>
        <source>No recorded cause</source>
        <translation>无记录原因</translation>
    </message>
    <message>
        <source>Appointments kept (every visit due)</source>
        <translation>履约（所有应上门的预约）</translation>
    </message>
    <message>
        <source>Check-ins on site (every check-in)</source>
        <translation>现场签到（所有签到）</translation>
    </message>
    <message>
        <source>Audit of the closed orders</source>
        <translation>已归档工单稽核</translation>
    </message>
    <message>
        <source>Resolved at the first visit</source>
        <translation>首次上门解决</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <source>Monthly operational analysis report</source>
        <translation>月度运营分析报告</translation>
    </message>
    <message>
        <source>%1 (under way)</source>
        <translation>%1（进行中）</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>To whom and how it was sent (optional)</source>
        <translation>报送对象与方式（选填）</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>标记为已报送</translation>
    </message>
    <message>
        <source>Generate and save…</source>
        <translation>生成并保存…</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>Open the workbook</source>
        <translation>打开 Excel 工作簿</translation>
    </message>
    <message>
        <source>Choose the month and the region, then Generate and save…: the PDF is shown here, and the Excel workbook is saved beside it.</source>
        <translation>选择月份和区域，然后点“生成并保存…”：PDF 显示在此处，Excel 工作簿保存在同一位置。</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>报送：</translation>
    </message>
    <message>
        <source>Choose a region to see whether its report was sent and to mark it sent.</source>
        <translation>选择区域以查看其报告是否已报送，并可标记为已报送。</translation>
    </message>
    <message>
        <source>The month is not over: its report is sent in the month after.</source>
        <translation>该月尚未结束：报告于次月报送。</translation>
    </message>
    <message>
        <source>Sent, marked by %1 at %2.</source>
        <translation>已报送，由 %1 于 %2 标记。</translation>
    </message>
    <message>
        <source>Not sent yet: due by %1.</source>
        <translation>尚未报送：截止 %1。</translation>
    </message>
    <message>
        <source>Only a shift supervisor marks the report sent.</source>
        <translation>只有值班长可以标记报告已报送。</translation>
    </message>
    <message>
        <source>It could not be marked sent: %1</source>
        <translation>无法标记为已报送：%1</translation>
    </message>
    <message>
        <source>Monthly report %1 %2</source>
        <translation>月度报告 %1 %2</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>保存月度报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Computing the figures and writing the files…</source>
        <translation>正在计算数据并写入文件…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n page(s)) and %2.</source>
        <translation>
            <numerusform>已保存 %1（%n 页）和 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>The report was not made: %1</source>
        <translation>报告未能生成：%1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Choose a reason…</source>
        <translation>选择原因…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose a reason from the list.</source>
        <translation>请从列表中选择原因。</translation>
    </message>
    <message>
        <source>Write the note: it goes into the order&apos;s history.</source>
        <translation>请填写备注：它会记入工单历史。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>备注超过%1个字符。</translation>
    </message>
</context>
<context>
    <name>OptimiserDialog</name>
    <message>
        <source>Optimise the plan</source>
        <translation>优化排班</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>起始日：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>天数：</translation>
    </message>
    <message>
        <source>Search for at most:</source>
        <translation>最长搜索：</translation>
    </message>
    <message>
        <source>Choose the region and days, then run. Pinned visits and visits about to start are never moved.</source>
        <translation>选择区域和日期后运行。已锁定的上门和即将开始的上门不会被移动。</translation>
    </message>
    <message>
        <source>Run again on the current plan</source>
        <translation>按当前排班重新运行</translation>
    </message>
    <message>
        <source>Show unchanged visits</source>
        <translation>显示未变动的上门</translation>
    </message>
    <message>
        <source>Tick all I can commit</source>
        <translation>勾选我能提交的全部</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全部取消勾选</translation>
    </message>
    <message>
        <source>Untick what no longer holds</source>
        <translation>取消不再成立的行</translation>
    </message>
    <message>
        <source>Why the warnings are right anyway (kept in the audit log)</source>
        <translation>为何仍可越过这些警告（记入审计日志）</translation>
    </message>
    <message>
        <source>Commit ticked lines</source>
        <translation>提交勾选的行</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Reading the plan and searching…</source>
        <translation>正在读取排班并搜索…</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>stopping: keeping the best plan so far</source>
        <translation>正在停止：保留目前最好的方案</translation>
    </message>
    <message>
        <source>%1 s of %2 s</source>
        <translation>%1 秒 / %2 秒</translation>
    </message>
    <message>
        <source>done in %1 s</source>
        <translation>用时 %1 秒完成</translation>
    </message>
    <message>
        <source>The optimiser could not run: %1</source>
        <translation>优化无法运行：%1</translation>
    </message>
    <message>
        <source>a dispatcher plans their own region only.</source>
        <translation>调度员只能为本区域排班。</translation>
    </message>
    <message>
        <source>the planning weights (rule parameters planning.*) are not usable numbers; a supervisor must correct them.</source>
        <translation>排班权重（规则参数 planning.*）不是可用的数字；需值班长更正。</translation>
    </message>
    <message>
        <source>an unexpected error (the log has the details).</source>
        <translation>意外错误（详见日志）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 changes&lt;/b&gt;: %2 new visits, %3 technicians assigned, %4 new times, %5 other technicians; %6 not planned (each says why). Kept where they are: %7 pinned, under way or booked outside the shifts.</source>
        <translation>&lt;b&gt;%1 项变动&lt;/b&gt;：新上门 %2，补派人员 %3，改时间 %4，换人员 %5；未排 %6（各行注明原因）。保持不动：%7 个已锁定、进行中或排在班次外的上门。</translation>
    </message>
    <message>
        <source>Travel: %1 km for %2 visits (now %3 km for %4). Deadlines missed: %5 (now %6).</source>
        <translation>路程：%2 次上门共 %1 公里（现为 %4 次共 %3 公里）。超时限：%5（现为 %6）。</translation>
    </message>
    <message>
        <source>%1 ticked lines do not hold with this choice (in red).</source>
        <translation>按此选择，有 %1 行勾选不成立（红色）。</translation>
    </message>
    <message>
        <source>%1 lines ticked.</source>
        <translation>已勾选 %1 行。</translation>
    </message>
    <message>
        <source>Some carry warnings: write a reason.</source>
        <translation>部分行有警告：请填写理由。</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>未写入任何内容：%1</translation>
    </message>
    <message>
        <source>The plan changed while the optimiser worked: %1 visits or orders it read were changed by someone else. Nothing was written.</source>
        <translation>优化期间排班已变：其读取的 %1 个上门或工单已被他人修改。未写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was written: the booking rules refuse %1 of the ticked lines as the plan stands now (shown in red). Untick them, or run the optimiser again.</source>
        <translation>未写入任何内容：按当前排班，预约规则拒绝了 %1 行勾选（红色）。请取消勾选，或重新运行优化。</translation>
    </message>
    <message>
        <source>%1 lines written.</source>
        <translation>已写入 %1 行。</translation>
    </message>
    <message>
        <source>Run the optimiser again on the current plan?</source>
        <translation>按当前排班重新运行优化吗？</translation>
    </message>
    <message>
        <source>The plan changed since the optimiser ran: a commit would be refused. Run it again.</source>
        <translation>优化运行后排班已变：提交将被拒绝。请重新运行。</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <source>Select an order in the queue to see its details.</source>
        <translation>在工单队列中选择一张工单以查看详情。</translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation>剩余时间 %1</translation>
    </message>
    <message>
        <source>clock paused</source>
        <translation>计时暂停</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>resolved %1 after its deadline</source>
        <translation>超时%1完成</translation>
    </message>
    <message>
        <source>resolved within its limit</source>
        <translation>在时限内完成</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>SLA clock started</source>
        <translation>时限起算</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限截止</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>接单时限</translation>
    </message>
    <message>
        <source>Clock paused since</source>
        <translation>暂停计时自</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Replaces order</source>
        <translation>替代原工单</translation>
    </message>
    <message>
        <source>Replaced by order</source>
        <translation>已由新工单替代</translation>
    </message>
    <message>
        <source>How the deadline is computed</source>
        <translation>时限计算过程</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>暂停记录</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>客户服务等级</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>装机地址</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>not placed</source>
        <translation>未定位</translation>
    </message>
    <message>
        <source>Access points</source>
        <translation>接入点</translation>
    </message>
    <message>
        <source>Optical box / port</source>
        <translation>光箱 / 端口</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>电路编号</translation>
    </message>
    <message>
        <source>Assurance level</source>
        <translation>业务保障等级</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>带宽</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>No appointment yet.</source>
        <translation>尚未预约。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>尚无记录。</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>完成于 %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>时限 %1</translation>
    </message>
    <message>
        <source>Provisioning steps</source>
        <translation>开通环节</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>预约时段</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>装维人员</translation>
    </message>
    <message>
        <source>Customer contact</source>
        <translation>客户联系人</translation>
    </message>
    <message>
        <source>Covers orders</source>
        <translation>涵盖工单</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Pause the SLA clock</source>
        <translation>暂停时限计时</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>选择原因…</translation>
    </message>
    <message>
        <source>What the customer said, when they expect to be ready</source>
        <translation>客户的说法，预计何时具备条件</translation>
    </message>
    <message numerus="yes">
        <source>Pause %n order(s). Every pause and resume is kept in the order&apos;s history.</source>
        <translation>
            <numerusform>暂停 %n 张工单的计时。每次暂停和恢复都记录在工单处理记录中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A pause needs a reason.</source>
        <translation>暂停计时必须填写原因。</translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message>
        <source>Waiting orders</source>
        <translation>待排工单</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选人员</translation>
    </message>
    <message>
        <source>Click a visit on the board to act on it.</source>
        <translation>点击排班板上的上门进行操作。</translation>
    </message>
    <message>
        <source>Optimise…</source>
        <translation>优化…</translation>
    </message>
    <message>
        <source>Plan a region&apos;s day with the batch optimiser: review the proposal, commit what you keep.</source>
        <translation>用批量优化为某区域排一天：审阅方案，提交你保留的部分。</translation>
    </message>
    <message>
        <source>Book…</source>
        <translation>预约…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改约…</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Reconfirmed</source>
        <translation>已再次确认</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Cancel visit…</source>
        <translation>取消上门…</translation>
    </message>
    <message>
        <source>Merge into one visit</source>
        <translation>合并为一次上门</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>The plan could not be read: %1</source>
        <translation>无法读取排班：%1</translation>
    </message>
    <message>
        <source>due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>booked, no technician</source>
        <translation>已预约，未派人</translation>
    </message>
    <message>
        <source>Drag onto a technician&apos;s row, or pick from the candidates.</source>
        <translation>拖到某位人员的行上，或从候选人员中选择。</translation>
    </message>
    <message>
        <source>Waiting orders (%1)</source>
        <translation>待排工单（%1）</translation>
    </message>
    <message>
        <source>Propose a visit</source>
        <translation>拟定上门</translation>
    </message>
    <message>
        <source>The visit is proposed: confirm the window with the customer next.</source>
        <translation>上门已拟定：下一步与客户确认时段。</translation>
    </message>
    <message>
        <source>Move the visit</source>
        <translation>移动上门</translation>
    </message>
    <message>
        <source>%1 to %2 at %3</source>
        <translation>%1 派给 %2，%3</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>This technician has no free slot in time; drag the order onto the board instead.</source>
        <translation>该人员在时限内没有空档；请把工单拖到排班板上。</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>no technician</source>
        <translation>未派人</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Book a visit</source>
        <translation>预约上门</translation>
    </message>
    <message>
        <source>%1 waits for no visit: it has one booked (move it on the board) or its work is under way or done.</source>
        <translation>%1 无需预约上门：已有预约（请在排班板上移动），或工作已在进行或已完成。</translation>
    </message>
    <message>
        <source>Cancel the visit</source>
        <translation>取消上门</translation>
    </message>
    <message>
        <source>Why is the visit cancelled?</source>
        <translation>为什么取消这次上门？</translation>
    </message>
    <message>
        <source>Two visits to %1 on %2: one visit would do.</source>
        <translation>%2 有两次到 %1 的上门：一次即可。</translation>
    </message>
    <message>
        <source>(%1 more)</source>
        <translation>（另有 %1 处）</translation>
    </message>
    <message>
        <source>two teams, one visit</source>
        <translation>两个班组，一次上门</translation>
    </message>
</context>
<context>
    <name>ProposalTable</name>
    <message>
        <source>New visit</source>
        <translation>新上门</translation>
    </message>
    <message>
        <source>Technician assigned</source>
        <translation>补派人员</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>改时间</translation>
    </message>
    <message>
        <source>Other technician</source>
        <translation>换人员</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Not planned</source>
        <translation>未排</translation>
    </message>
    <message>
        <source>No technician on shift has the skills.</source>
        <translation>在班人员中没有具备所需技能的。</translation>
    </message>
    <message>
        <source>No skilled technician works during its window.</source>
        <translation>约定时段内没有具备技能的人员当班。</translation>
    </message>
    <message>
        <source>No skilled technician can get there and back in a shift.</source>
        <translation>具备技能的人员无法在一个班次内往返。</translation>
    </message>
    <message>
        <source>Pinned where it cannot be kept.</source>
        <translation>锁定的位置无法保持。</translation>
    </message>
    <message>
        <source>No room left in the shifts: more urgent work comes first.</source>
        <translation>班次已排满：更紧急的工作优先。</translation>
    </message>
    <message>
        <source>The site has no map position: travel cannot be planned.</source>
        <translation>该地点没有地图坐标：无法规划路程。</translation>
    </message>
    <message>
        <source>Its clock is paused (customer not ready or postponed): planned once resumed.</source>
        <translation>时限计时已暂停（客户未就绪或要求推迟）：恢复后再排。</translation>
    </message>
    <message>
        <source>Pinned without a technician: assign it by hand.</source>
        <translation>已锁定但未派人：请手工派单。</translation>
    </message>
    <message>
        <source>Starts within 15 minutes without a technician: assign it by hand.</source>
        <translation>15 分钟内开始且未派人：请手工派单。</translation>
    </message>
    <message>
        <source>Booked with a technician of another region or not on duty.</source>
        <translation>已预约给其他区域或不在岗的人员。</translation>
    </message>
    <message>
        <source>Its technician (already dispatched) cannot take it in these days.</source>
        <translation>已派的装维人员在这几天无法承接。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>What the rules say</source>
        <translation>规则检查</translation>
    </message>
    <message>
        <source>Optimiser&apos;s proposal</source>
        <translation>优化方案</translation>
    </message>
    <message>
        <source>You cannot commit this line as the plan stands.</source>
        <translation>按当前方案，你无法提交此行。</translation>
    </message>
    <message>
        <source>The plan finishes this visit after its deadline.</source>
        <translation>按方案，此上门将在时限之后完成。</translation>
    </message>
    <message>
        <source> It stays where it is.</source>
        <translation>保持原安排。</translation>
    </message>
    <message>
        <source>waiting, no visit</source>
        <translation>待排，未预约</translation>
    </message>
    <message>
        <source>%1 · no visit yet</source>
        <translation>%1 · 尚未预约上门</translation>
    </message>
    <message>
        <source>no technician</source>
        <translation>未派人</translation>
    </message>
    <message>
        <source>Nothing speaks against it.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>未写入：%1</translation>
    </message>
    <message>
        <source>Written.</source>
        <translation>已写入。</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Pauses awaiting approval</source>
        <translation>待批准的暂停</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <source>Search number, customer, address, district, technician, circuit, phone</source>
        <translation>搜索工单号、客户、地址、区、装维人员、电路编号、电话</translation>
    </message>
    <message>
        <source>Finds open orders by order number, customer name or code, address, district, technician, circuit id, or contact phone.</source>
        <translation>按工单号、客户名称或编号、地址、区、装维人员、电路编号或联系电话查找未结工单。</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every order again, not only the dashboard&apos;s</source>
        <translation>重新显示所有工单，而不仅是看板中的</translation>
    </message>
    <message>
        <source>All open orders</source>
        <translation>全部未结工单</translation>
    </message>
    <message>
        <source>Red and breached</source>
        <translation>红色与超时</translation>
    </message>
    <message>
        <source>Unassigned and breached</source>
        <translation>未派单且已超时</translation>
    </message>
    <message>
        <source>Assignee: all</source>
        <translation>处理人：全部</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未派单</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n order(s)</source>
        <translation>
            <numerusform>%1：%n张工单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer open (not in the queue)</source>
        <translation>
            <numerusform>%n张已不在处理中（不在队列里）</numerusform>
        </translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <source>The view was not saved: %1</source>
        <translation>视图未保存：%1</translation>
    </message>
    <message>
        <source>The view was not deleted: %1</source>
        <translation>视图未删除：%1</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Assign…</source>
        <translation>派单…</translation>
    </message>
    <message>
        <source>Pause clock…</source>
        <translation>暂停计时…</translation>
    </message>
    <message>
        <source>Resume clock</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>Approve long pause</source>
        <translation>批准长时间暂停</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>%1 (1 is the most urgent)</source>
        <translation>%1（1 为最紧急）</translation>
    </message>
    <message>
        <source>&amp;Next red or late order</source>
        <translation>下一张红色或超时工单(&amp;N)</translation>
    </message>
    <message>
        <source>Pre&amp;vious red or late order</source>
        <translation>上一张红色或超时工单(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Copy order numbers</source>
        <translation>复制工单号(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;rows</source>
        <translation>复制整行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>resumption</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>优先级调整</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo %1 (%n order(s))</source>
        <translation>
            <numerusform>撤销%1（%n 张工单）(&amp;U)</numerusform>
        </translation>
    </message>
    <message>
        <source>Some orders were not changed</source>
        <translation>部分工单未修改</translation>
    </message>
    <message>
        <source>%1 changed, %2 not changed:</source>
        <translation>已修改 %1 张，%2 张未修改：</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>未做任何修改</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>修改无法保存：%1</translation>
    </message>
    <message>
        <source>Work-order queue (the %1 most urgent; loading the rest…)</source>
        <translation>工单队列（最紧急的 %1 张；其余加载中…）</translation>
    </message>
    <message>
        <source>Work-order queue (%1 open)</source>
        <translation>工单队列（未结 %1 张）</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>显示 %1 张</translation>
    </message>
</context>
<context>
    <name>RaiseExceptionDialog</name>
    <message>
        <source>Raise a field exception</source>
        <translation>上报外勤异常</translation>
    </message>
    <message>
        <source>What the technician found, e.g. port 3-12 taken by another line; box replaced by the customer</source>
        <translation>技术员发现的情况，例如：3-12端口被其他线路占用；客户更换了光箱</translation>
    </message>
    <message>
        <source>Nobody yet (dispatch later)</source>
        <translation>暂不派单（稍后派）</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Dispatch to</source>
        <translation>派给</translation>
    </message>
    <message>
        <source>Say what the technician found in the note.</source>
        <translation>请在备注中说明技术员发现的情况。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>备注超过%1个字符。</translation>
    </message>
</context>
<context>
    <name>ReasonListsTab</name>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Add a sub-reason</source>
        <translation>添加细分原因</translation>
    </message>
    <message>
        <source>Remove the sub-reason</source>
        <translation>删除细分原因</translation>
    </message>
    <message>
        <source>The reasons each dialog offers, in this order. A reason switched off is no longer offered (orders that have it keep it). A sub-reason is offered under its reason: the order records the reason, and the sub-reason&apos;s Chinese words at the head of its note. Empty words: the console&apos;s own name of the reason.</source>
        <translation>各对话框按此顺序提供的原因。停用的原因不再提供（已使用它的工单保持不变）。细分原因列在其原因之下：工单记录该原因，并在说明开头记下细分原因的中文名称。名称留空：使用系统自带的原因名称。</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>列表：</translation>
    </message>
    <message>
        <source>A sub-reason of “%1”</source>
        <translation>“%1”的细分原因</translation>
    </message>
</context>
<context>
    <name>RemedyDialog</name>
    <message>
        <source>Remedy for %1</source>
        <translation>%1 的整改</translation>
    </message>
    <message>
        <source>What will be done, by whom and by when</source>
        <translation>做什么、由谁做、何时完成</translation>
    </message>
    <message>
        <source>Customer&apos;s words</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <source>Remedy (整改)</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Write the remedy.</source>
        <translation>请填写整改措施。</translation>
    </message>
</context>
<context>
    <name>ReportReminder</name>
    <message>
        <source>Monthly report %1 overdue (due %2)</source>
        <translation>%1 月度报告已逾期（截止 %2）</translation>
    </message>
    <message>
        <source>Monthly report %1 due by %2</source>
        <translation>%1 月度报告须在 %2 前报送</translation>
    </message>
    <message>
        <source>Not yet marked sent: %1. Click to make and send it.</source>
        <translation>尚未标记为已报送：%1。点击生成并报送。</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule the appointment</source>
        <translation>改约</translation>
    </message>
    <message>
        <source>What the customer said, what is missing…</source>
        <translation>客户怎么说、缺什么…</translation>
    </message>
    <message>
        <source>Pause the SLA clock (customer postponed)</source>
        <translation>暂停时限计时（客户要求推迟）</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Customer reached by:</source>
        <translation>联系客户方式：</translation>
    </message>
    <message>
        <source>Choose the reason for the reschedule from the list.</source>
        <translation>请从列表中选择改约原因。</translation>
    </message>
    <message>
        <source>Say what the other reason is.</source>
        <translation>请说明其他原因是什么。</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>Pause the SLA clock</source>
        <translation>挂起 SLA 计时</translation>
    </message>
    <message>
        <source>Reschedule a visit</source>
        <translation>改约</translation>
    </message>
    <message>
        <source>Cancel an order</source>
        <translation>撤单</translation>
    </message>
    <message>
        <source>Field exception</source>
        <translation>现场异常</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Words in Chinese</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Words in English</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则设置</translation>
    </message>
    <message>
        <source>SLA limits</source>
        <translation>SLA 时限</translation>
    </message>
    <message>
        <source>Bands and pauses</source>
        <translation>预警与挂起</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Reason lists</source>
        <translation>原因列表</translation>
    </message>
    <message>
        <source>Audit rules</source>
        <translation>稽核规则</translation>
    </message>
    <message>
        <source>Why the rules change (the notice or agreement they follow): kept in the audit log</source>
        <translation>规则变更的原因（所依据的通知或协议）：记入审计日志</translation>
    </message>
    <message>
        <source>Apply the changes on this tab</source>
        <translation>应用本页的更改</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>You may read the rules. Only a shift supervisor or an administrator may change them.</source>
        <translation>您可以查看规则。只有值班长或管理员可以修改。</translation>
    </message>
    <message>
        <source>The rules could not be read: %1</source>
        <translation>无法读取规则：%1</translation>
    </message>
    <message>
        <source>Nothing on this tab has changed.</source>
        <translation>本页没有任何更改。</translation>
    </message>
    <message>
        <source>Say why the rules change: the reason goes into the audit log with the change.</source>
        <translation>请说明规则变更的原因：原因将随变更记入审计日志。</translation>
    </message>
    <message>
        <source>Saved. Deadlines are recomputed in the background when a change moves them.</source>
        <translation>已保存。变更影响到的时限将在后台重算。</translation>
    </message>
    <message>
        <source>Saving: %1…</source>
        <translation>正在保存：%1…</translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>未保存：%1：%2</translation>
    </message>
    <message>
        <source>Amber from (share of the limit used)</source>
        <translation>黄色预警起点（已用时限比例）</translation>
    </message>
    <message>
        <source>Red from (share of the limit used)</source>
        <translation>红色预警起点（已用时限比例）</translation>
    </message>
    <message>
        <source>A pause longer than this needs a supervisor&apos;s approval (hours)</source>
        <translation>挂起超过此时长需值班长审批（小时）</translation>
    </message>
    <message>
        <source>A red or late order nobody acknowledges is escalated to the supervisors after (minutes)</source>
        <translation>红色或超时工单无人确认，多少分钟后升级至值班长（分钟）</translation>
    </message>
    <message>
        <source>Business hours start (HH:MM)</source>
        <translation>工作时间开始（时:分）</translation>
    </message>
    <message>
        <source>Business hours end (HH:MM)</source>
        <translation>工作时间结束（时:分）</translation>
    </message>
    <message>
        <source>Minutes a check-in may come after the window and still be on time</source>
        <translation>签到晚于预约时段多少分钟内仍算准时</translation>
    </message>
    <message>
        <source>A check-in farther than this from the site is off site (metres)</source>
        <translation>签到位置距站点超过此距离即为异地签到（米）</translation>
    </message>
    <message>
        <source>An order turns amber, then red, when it has used this share of its limit. A change recomputes every open order&apos;s deadlines in the background.</source>
        <translation>工单用掉时限的这一比例后先转黄色、再转红色预警。修改后将在后台重算所有在途工单的时限。</translation>
    </message>
    <message>
        <source>The working day that limits in working days are counted in. A change recomputes the open orders counted in business time in the background.</source>
        <translation>按工作日计算的时限所依据的工作时间。修改后将在后台重算按工作时间计时的在途工单。</translation>
    </message>
    <message>
        <source>Which steps the compliance audit checks on each closed order, and its tolerances. Audits read these when they run; no deadline moves.</source>
        <translation>合规稽核对每张已归档工单检查哪些环节及其容差。稽核运行时读取这些设置；不影响任何时限。</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>检查：%1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Double-click an amount to change it. A change recomputes the deadlines of that kind&apos;s open orders in the background.</source>
        <translation>双击时限数值即可修改。修改后将在后台重算该类型在途工单的时限。</translation>
    </message>
</context>
<context>
    <name>SatisfactionSection</name>
    <message>
        <source>Very satisfied (非常满意率) by month</source>
        <translation>各月非常满意率</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>评价数</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>非常满意率</translation>
    </message>
    <message>
        <source>No rating</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Callback closed</source>
        <translation>回访已关闭</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>回答者</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n份回答</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in the queue</source>
        <translation>在队列中显示</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n dissatisfied answer(s)&lt;/b&gt; in the period</source>
        <translation>
            <numerusform>本时段&lt;b&gt;%n份不满意回答&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Survey answers of %1</source>
        <translation>%1的调查回答</translation>
    </message>
</context>
<context>
    <name>ScheduleBoard</name>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 天</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Find technicians: name, team, skill</source>
        <translation>查找装维人员：姓名、班组、技能</translation>
    </message>
    <message>
        <source>Shows only the technicians whose name, team, region or skills hold every word typed</source>
        <translation>只显示姓名、班组、区域或技能包含所输入全部词语的装维人员</translation>
    </message>
    <message>
        <source>No technician matches</source>
        <translation>没有匹配的装维人员</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Fits: skills, shift, window, travel and SLA</source>
        <translation>符合：技能、班次、时段、路程和时限</translation>
    </message>
    <message>
        <source>proposed, not yet confirmed</source>
        <translation>已拟定，尚未确认</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>empty: this desk works on its own data file</source>
        <translation>留空：本调度台只使用本地数据文件</translation>
    </message>
    <message>
        <source>empty: the certificates this computer trusts</source>
        <translation>留空：使用本机信任的证书</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Type part of a name to find a zone, e.g. Shanghai or Urumqi.</source>
        <translation>输入名称的一部分以查找时区，例如 Shanghai 或 Urumqi。</translation>
    </message>
    <message>
        <source>empty: the tile URL above, or district outlines only</source>
        <translation>留空：使用上面的瓦片地址，或只显示行政区轮廓</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Central service URL</source>
        <translation>中心服务地址</translation>
    </message>
    <message>
        <source>Centre&apos;s CA certificates (PEM)</source>
        <translation>中心的 CA 证书（PEM）</translation>
    </message>
    <message>
        <source>Desk user</source>
        <translation>调度台用户</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Desk time zone</source>
        <translation>调度台时区</translation>
    </message>
    <message>
        <source>Map tile URL</source>
        <translation>地图瓦片地址</translation>
    </message>
    <message>
        <source>Map attribution</source>
        <translation>地图版权说明</translation>
    </message>
    <message>
        <source>Basemap file (MBTiles, PMTiles)</source>
        <translation>底图文件（MBTiles、PMTiles）</translation>
    </message>
    <message>
        <source>A new language applies at once; changes to the data file, user, time zone or map take effect at the next start.</source>
        <translation>语言更改立即生效；数据文件、用户、时区或地图的更改在下次启动时生效。</translation>
    </message>
    <message>
        <source>not a time zone</source>
        <translation>不是有效时区</translation>
    </message>
    <message>
        <source>Dispatch Console data (*.sqlite)</source>
        <translation>调度台数据 (*.sqlite)</translation>
    </message>
    <message>
        <source>Basemap file</source>
        <translation>底图文件</translation>
    </message>
    <message>
        <source>Basemap files (*.mbtiles *.pmtiles)</source>
        <translation>底图文件 (*.mbtiles *.pmtiles)</translation>
    </message>
    <message>
        <source>These settings cannot be used: %1</source>
        <translation>这些设置无法使用：%1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Work-order queue</source>
        <translation>工单队列</translation>
    </message>
    <message>
        <source>Open the selected order&apos;s details</source>
        <translation>打开所选工单的详情</translation>
    </message>
    <message>
        <source>Move between orders; Shift to select several</source>
        <translation>在工单间移动；按住 Shift 多选</translation>
    </message>
    <message>
        <source>Up / Down, Page Up / Page Down</source>
        <translation>上 / 下，Page Up / Page Down</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign off a check-in</source>
        <translation>确认签到</translation>
    </message>
    <message>
        <source>%1 m from the site</source>
        <translation>距站点%1米</translation>
    </message>
    <message>
        <source>%1, %2 (%3): %4</source>
        <translation>%1，%2（%3）：%4</translation>
    </message>
    <message>
        <source>What you checked, e.g. called the customer: the technician was on site, the GPS drifted</source>
        <translation>你核实了什么，例如：已致电客户，技术员在现场，GPS漂移</translation>
    </message>
    <message>
        <source>Say what you checked in the note.</source>
        <translation>请在备注中说明你核实的内容。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>备注超过%1个字符。</translation>
    </message>
</context>
<context>
    <name>Sla</name>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>%1d %2</source>
        <translation>%1天 %2</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <source>%1 wd %2</source>
        <translation>%1个工作日 %2</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>yyyy年M月d日（ddd）</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>%1 %2 limit for %3: %4 %5</source>
        <translation>%3%1%2时限：%4 %5</translation>
    </message>
    <message>
        <source>%1 access points, more than %2: %3 x %1/%2 = %4 -&gt; %5 %6 (rounded up to the next half day)</source>
        <translation>%1 个接入点，超过 %2 个：%3 × %1/%2 = %4 → %5 %6（向上取整到半个工作日）</translation>
    </message>
    <message>
        <source>%1 working days = %2 business hours (%3 hours a working day)</source>
        <translation>%1 个工作日 = %2 个工作小时（每个工作日 %3 小时）</translation>
    </message>
    <message>
        <source>Counted on the clock, 24 hours a day, 7 days a week</source>
        <translation>按自然时间计算，7×24 小时</translation>
    </message>
    <message>
        <source>Clock started %1</source>
        <translation>起算时间 %1</translation>
    </message>
    <message>
        <source>%1: public holiday, not counted</source>
        <translation>%1：法定节假日，不计时</translation>
    </message>
    <message>
        <source>%1 (%2): make-up working day, counted</source>
        <translation>%1（%2）：调休工作日，计时</translation>
    </message>
    <message>
        <source>Paused %1 h, added back</source>
        <translation>暂停 %1 小时，不计入时限</translation>
    </message>
    <message>
        <source>Paused %1 h beyond the approval limit without a supervisor&apos;s approval: counted</source>
        <translation>超出审批时限且未经值班长批准的暂停 %1 小时：计入时限</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>The official %1 holiday schedule is not known yet: this deadline is provisional until it is imported</source>
        <translation>%1 年官方节假日安排尚未导入：该时限为暂定</translation>
    </message>
</context>
<context>
    <name>SlaSection</name>
    <message>
        <source>Open orders by SLA band</source>
        <translation>各时限色带的在途工单</translation>
    </message>
    <message>
        <source>Breached by kind</source>
        <translation>按类型统计超时</translation>
    </message>
    <message>
        <source>Breached by customer level</source>
        <translation>按客户等级统计超时</translation>
    </message>
    <message>
        <source>Breached by stage</source>
        <translation>按环节统计超时</translation>
    </message>
    <message>
        <source>Breached by district</source>
        <translation>按区县统计超时</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>breaches within the hour</source>
        <translation>一小时内将超时</translation>
    </message>
    <message>
        <source>Show in the queue</source>
        <translation>在队列中显示</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n order(s)&lt;/b&gt; will breach in the next hour if nothing is done</source>
        <translation>
            <numerusform>如不处理，&lt;b&gt;%n张工单&lt;/b&gt;将在一小时内超时</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageSection</name>
    <message>
        <source>in time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>late by %1</source>
        <translation>晚%1</translation>
    </message>
    <message>
        <source>done %1, %2</source>
        <translation>%1完成，%2</translation>
    </message>
    <message>
        <source>%1 left · %2</source>
        <translation>剩余%1 · %2</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>各环节</translation>
    </message>
    <message>
        <source>How each stage&apos;s deadline is computed</source>
        <translation>各环节截止时间的计算方法</translation>
    </message>
    <message>
        <source>Provisioning steps</source>
        <translation>开通环节</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Changes are saved in this desk&apos;s file first, then sent to the centre.</source>
        <translation>修改先保存在本台的数据文件中，再发送到中心。</translation>
    </message>
    <message>
        <source>Last in touch with the centre: %1</source>
        <translation>最近一次与中心通信：%1</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>Downloading the centre&apos;s data: %1%</source>
        <translation>正在下载中心数据：%1%</translation>
    </message>
    <message numerus="yes">
        <source>Logged out of the centre: log in again (%n change(s) waiting)</source>
        <translation>
            <numerusform>已从中心登出：请重新登录（%n 项修改待发送）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n 个冲突待处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline since %1, %n change(s) waiting</source>
        <translation>
            <numerusform>自 %1 起离线，%n 项修改待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved locally, %n change(s) being sent</source>
        <translation>
            <numerusform>已保存在本地，%n 项修改正在发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>The centre&apos;s certificate is not trusted: check the CA bundle in the settings.</source>
        <translation>中心的证书不受信任：请检查设置中的 CA 证书文件。</translation>
    </message>
    <message>
        <source>The centre does not answer. This desk keeps working and sends its changes when it is back.</source>
        <translation>中心无响应。本工位继续工作，中心恢复后自动发送修改。</translation>
    </message>
    <message>
        <source>The download from the centre broke off; it starts again.</source>
        <translation>从中心下载中断，正在重新开始。</translation>
    </message>
    <message>
        <source>The centre has a problem; this desk tries again.</source>
        <translation>中心出现故障，本工位将重试。</translation>
    </message>
    <message>
        <source>Too many attempts: wait a few minutes, then try again.</source>
        <translation>尝试次数过多：请等待几分钟后再试。</translation>
    </message>
    <message>
        <source>The centre asks you to log in again.</source>
        <translation>中心要求重新登录。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This desk was away longer than the centre keeps its changes: it downloads the data again.</source>
        <translation>本工位离线时间超过中心保留变更的期限：正在重新下载数据。</translation>
    </message>
    <message>
        <source>The centre&apos;s data is newer than this version of Dispatch Console: update it.</source>
        <translation>中心的数据比本版调度台新：请升级调度台。</translation>
    </message>
    <message>
        <source>Changes of this desk are still to be sent before the data can be downloaded again.</source>
        <translation>本工位仍有修改待发送，发送后才能重新下载数据。</translation>
    </message>
    <message>
        <source>The disk of this computer is full: the centre&apos;s changes wait until there is space again.</source>
        <translation>本机磁盘已满：中心的更新将在有空间后再写入。</translation>
    </message>
    <message>
        <source>The disk of this computer could not write the data file: this desk tries again.</source>
        <translation>本机磁盘无法写入数据文件：本台将再次尝试。</translation>
    </message>
    <message>
        <source>The centre refused the request: %1</source>
        <translation>中心拒绝了请求：%1</translation>
    </message>
    <message>
        <source>Someone else changed it first: %1</source>
        <translation>他人已先行修改：%1</translation>
    </message>
    <message>
        <source>The centre does not have this %1 (it may have been refused before).</source>
        <translation>中心没有该%1（可能此前已被拒绝）。</translation>
    </message>
    <message>
        <source>The centre has this %1 already.</source>
        <translation>中心已有该%1。</translation>
    </message>
    <message>
        <source>The order is not in your region.</source>
        <translation>该工单不在您的辖区。</translation>
    </message>
    <message>
        <source>Only a shift supervisor changes the SLA rules and the calendar.</source>
        <translation>只有值班主管可以修改 SLA 规则和日历。</translation>
    </message>
    <message>
        <source>A desk does not change %1.</source>
        <translation>调度工位不能修改%1。</translation>
    </message>
    <message>
        <source>The centre cannot use this change (%1).</source>
        <translation>中心无法使用此修改（%1）。</translation>
    </message>
    <message>
        <source>The centre cannot store this change (%1).</source>
        <translation>中心无法保存此修改（%1）。</translation>
    </message>
    <message>
        <source>Someone else changed it after you looked at it: look again.</source>
        <translation>您查看之后已有他人修改：请重新查看。</translation>
    </message>
    <message>
        <source>The centre does not know this action: update Dispatch Console.</source>
        <translation>中心不认识此操作：请更新调度台。</translation>
    </message>
    <message>
        <source>The plan was made from visits or orders changed since: make it again.</source>
        <translation>方案所依据的预约或工单已被修改：请重新生成方案。</translation>
    </message>
    <message>
        <source>Saved by an older Dispatch Console, before it sent actions: drop it and do it again.</source>
        <translation>由旧版调度台保存（旧版不发送操作）：请放弃后重新操作。</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>clock pause</source>
        <translation>计时暂停</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>appointment&apos;s order</source>
        <translation>预约工单</translation>
    </message>
    <message>
        <source>appointment change</source>
        <translation>预约变更</translation>
    </message>
    <message>
        <source>order step</source>
        <translation>工单步骤</translation>
    </message>
    <message>
        <source>field event</source>
        <translation>现场事件</translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>SLA rule</source>
        <translation>SLA 规则</translation>
    </message>
    <message>
        <source>rule parameter</source>
        <translation>规则参数</translation>
    </message>
    <message>
        <source>calendar day</source>
        <translation>日历日</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Clock paused since</source>
        <translation>计时暂停起始</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <source>Window start</source>
        <translation>时段开始</translation>
    </message>
    <message>
        <source>Window end</source>
        <translation>时段结束</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开始</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Pause ended</source>
        <translation>暂停结束</translation>
    </message>
    <message>
        <source>Pause approved by</source>
        <translation>暂停审批人</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>(change)</source>
        <translation>（修改）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>%1 has this order open (%n min left)</source>
        <translation>
            <numerusform>%1 正在处理此工单（还剩 %n 分钟）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableExports</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>导出“%1”</translation>
    </message>
    <message>
        <source>Exporting %1 rows to %2…</source>
        <translation>正在导出%1行到%2…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>已将%1行写入%2</translation>
    </message>
    <message>
        <source>“%1” is open in another program (Excel?). Close it there and export again, or choose another name. The file was not changed.</source>
        <translation>“%1”已在其他程序（Excel？）中打开。请先关闭后再导出，或换一个文件名。文件未被修改。</translation>
    </message>
    <message>
        <source>Cannot write “%1”: the folder is missing or read-only, or the name is not allowed. Choose another folder or name. (%2)</source>
        <translation>无法写入“%1”：文件夹不存在或只读，或文件名不允许。请选择其他文件夹或名称。（%2）</translation>
    </message>
    <message>
        <source>The disk is full: “%1” was not written. Free some space or choose another disk.</source>
        <translation>磁盘已满：未写入“%1”。请释放空间或选择其他磁盘。</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>“%1” was not written: %2</source>
        <translation>未写入“%1”：%2</translation>
    </message>
    <message>
        <source>Export to Excel or CSV…</source>
        <translation>导出为 Excel 或 CSV…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Work-order queue</source>
        <translation>工单队列</translation>
    </message>
    <message>
        <source>&amp;Export table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <source>The table you are in, as shown (columns, filter, sort), to Excel or CSV</source>
        <translation>将当前表格按显示内容（列、筛选、排序）导出为 Excel 或 CSV</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print table…</source>
        <translation>打印表格(&amp;P)…</translation>
    </message>
    <message>
        <source>This table has %1 rows: about %2 pages. Print them all?</source>
        <translation>此表格有%1行，约%2页。全部打印吗？</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>打印于 %1</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1行</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第%1页，共%2页</translation>
    </message>
</context>
<context>
    <name>TechnicianPickerDialog</name>
    <message>
        <source>Assign to a technician</source>
        <translation>派单给装维人员</translation>
    </message>
    <message>
        <source>Name, team or employee number</source>
        <translation>姓名、班组或工号</translation>
    </message>
    <message>
        <source>Show other regions</source>
        <translation>显示其他区域</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Technicians without a skill these orders need are shown in grey.</source>
        <translation>缺少这些工单所需技能的装维人员显示为灰色。</translation>
    </message>
    <message>
        <source>Choose a technician first.</source>
        <translation>请先选择装维人员。</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Turned amber</source>
        <translation>转为黄色</translation>
    </message>
    <message>
        <source>Turned red</source>
        <translation>转为红色</translation>
    </message>
    <message>
        <source>Time limit passed</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Response limit passed</source>
        <translation>接单超时</translation>
    </message>
    <message>
        <source>Department step reached</source>
        <translation>进入部门环节</translation>
    </message>
    <message>
        <source>Department step done</source>
        <translation>部门环节完成</translation>
    </message>
    <message>
        <source>Billing started</source>
        <translation>已起租</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <source>Network investigation recorded</source>
        <translation>已记录网络排查</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Returned to the order system</source>
        <translation>已回单</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>the account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>through the text-message link</source>
        <translation>通过短信链接</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>The saved window layout could not be read; the default layout is used.</source>
        <translation>保存的窗口布局无法读取，已使用默认布局。</translation>
    </message>
</context>
<context>
    <name>WorkOrderTable</name>
    <message>
        <source>Drag a column&apos;s title to move it; right-click to choose the columns shown.</source>
        <translation>拖动列标题可调整顺序；右键选择显示哪些列。</translation>
    </message>
    <message>
        <source>(column %1)</source>
        <translation>（第 %1 列）</translation>
    </message>
</context>
<context>
    <name>WorkOrderTableModel</name>
    <message>
        <source>Time to the deadline. A limit in working time (small calendar) counts working days (wd) of business hours and stops outside them; a limit in clock time (small clock) counts hours round the clock. Past the deadline: overdue.</source>
        <translation>距时限截止的剩余时间。按工作时间计的时限（小日历图标）以工作日计算工作时段内的时间，工作时间外停止计时；按自然时间计的时限（小时钟图标）全天 24 小时计时。超过截止时间即为超时。</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>business hours (working days, %1)</source>
        <translation>工作时间（工作日 %1）</translation>
    </message>
    <message>
        <source>clock time, 24x7</source>
        <translation>自然时间（7×24 小时）</translation>
    </message>
    <message>
        <source>Counted in %1</source>
        <translation>按%1计算</translation>
    </message>
    <message>
        <source>Clock paused since %1</source>
        <translation>暂停计时自 %1</translation>
    </message>
    <message>
        <source>The pause is past its approval limit: the clock runs until a supervisor approves it</source>
        <translation>暂停已超过审批时限：在值班长批准前继续计时</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限截止</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1（暂停）</translation>
    </message>
</context>
<context>
    <name>_WindowDialog</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Window starts:</source>
        <translation>时段开始：</translation>
    </message>
    <message>
        <source>Window length:</source>
        <translation>时段长度：</translation>
    </message>
</context>
</TS>
