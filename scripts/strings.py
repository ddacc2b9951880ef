#!/usr/bin/env python3
"""Writes src/ThreeClears.Web/Resources/SharedResource.vi.resx from the table below.
English is the key (and the English text); Vietnamese is the value. Edit here, then run it."""
import html, pathlib

VI = {
 "At unit (code)": "Tại đơn vị (mã)",
 "Audit chain": "Chuỗi nhật ký kiểm toán",
 "Audit entries": "Mục nhật ký",
 "Calendar": "Lịch",
 "Clear task, clear progress, clear person in charge": "Rõ việc, rõ tiến độ, rõ người chịu trách nhiệm",
 "Code": "Mã",
 "Date": "Ngày",
 "Day": "Thứ",
 "Default public holidays of the Labour Code 2019 (art. 112), lunar dates for UTC+7.": "Ngày nghỉ lễ mặc định theo Bộ luật Lao động 2019 (Điều 112), ngày âm lịch tính theo múi giờ UTC+7.",
 "Dissolved on": "Giải thể ngày",
 "Edit this unit": "Sửa đơn vị này",
 "English name": "Tên tiếng Anh",
 "Entries": "Số mục",
 "Filter": "Lọc",
 "Full name": "Họ và tên",
 "Grant": "Cấp",
 "Grant a role": "Cấp vai trò",
 "Head": "Người đứng đầu",
 "Head (user name)": "Người đứng đầu (tên đăng nhập)",
 "Hello, {0}": "Xin chào, {0}",
 "Holiday": "Ngày lễ",
 "Holidays (one per line: yyyy-MM-dd name)": "Ngày nghỉ (mỗi dòng một ngày: yyyy-MM-dd tên)",
 "Home": "Trang chủ",
 "Kind": "Loại",
 "Last hash": "Mã băm cuối",
 "Locked out": "Đang bị khóa",
 "Log in": "Đăng nhập",
 "Log out": "Đăng xuất",
 "Main": "Chính",
 "Name": "Tên",
 "New official": "Thêm cán bộ",
 "New unit": "Thêm đơn vị",
 "Next": "Trang sau",
 "No officials yet.": "Chưa có cán bộ.",
 "No roles.": "Chưa có vai trò.",
 "None.": "Không có.",
 "Official": "Cán bộ",
 "Officials": "Cán bộ",
 "Officials in your scope": "Cán bộ trong phạm vi của bạn",
 "Organisation": "Tổ chức",
 "Other name": "Tên khác",
 "Pages": "Trang",
 "Parent unit": "Đơn vị cấp trên",
 "Password": "Mật khẩu",
 "Position": "Chức vụ",
 "Predecessors": "Đơn vị tiền thân",
 "Predecessors (one per line: code, effective date, share)": "Đơn vị tiền thân (mỗi dòng: mã, ngày hiệu lực, tỷ lệ)",
 "Previous": "Trang trước",
 "Public holidays": "Ngày nghỉ lễ",
 "Replace this year's calendar": "Thay lịch của năm này",
 "Revoke": "Thu hồi",
 "Role": "Vai trò",
 "Roles": "Vai trò",
 "Save": "Lưu",
 "Skip to content": "Chuyển đến nội dung",
 "Status": "Trạng thái",
 "Successors": "Đơn vị kế thừa",
 "This year's holidays were set by an administrator.": "Ngày nghỉ của năm này do quản trị viên đặt.",
 "Unit": "Đơn vị",
 "Unit (code)": "Đơn vị (mã)",
 "Units dissolved by mergers": "Đơn vị đã giải thể do sáp nhập",
 "Units in your scope": "Đơn vị trong phạm vi của bạn",
 "Units under it": "Đơn vị trực thuộc",
 "User name": "Tên đăng nhập",
 "Vietnamese name": "Tên tiếng Việt",
 "Weekend days that are worked": "Ngày cuối tuần làm bù",
 "Worked weekend days (one per line: yyyy-MM-dd)": "Ngày cuối tuần làm bù (mỗi dòng: yyyy-MM-dd)",
 "Working calendar {0}": "Lịch làm việc {0}",
 "Years": "Năm",
 "You hold no role yet: ask an administrator.": "Bạn chưa có vai trò nào: hãy liên hệ quản trị viên.",
 "Your roles": "Vai trò của bạn",
 "Your roles do not cover this unit's officials.": "Vai trò của bạn không bao gồm cán bộ của đơn vị này.",
 "e.g. OLD-01, 2025-07-01, 1": "ví dụ: OLD-01, 2025-07-01, 1",
 "from {0}": "từ {0}",
 "none": "chưa có",
 "share": "tỷ lệ",
 "until {0}": "đến {0}",
 "{0} officials": "{0} cán bộ",
 "kind.province": "tỉnh", "kind.department": "sở, ngành", "kind.commune": "xã", "kind.ward": "phường",
 "kind.site": "địa điểm", "kind.partner": "tỉnh đối tác",
 "role.admin": "quản trị", "role.leader": "lãnh đạo", "role.manager": "quản lý", "role.officer": "cán bộ",
 "role.statistician": "thống kê", "role.inspector": "thanh tra", "role.welfare": "an sinh",
}
EN = {
 "kind.province": "province", "kind.department": "department", "kind.commune": "commune", "kind.ward": "ward",
 "kind.site": "site", "kind.partner": "partner province",
 "role.admin": "administrator", "role.leader": "leader", "role.manager": "manager", "role.officer": "officer",
 "role.statistician": "statistician", "role.inspector": "inspector", "role.welfare": "welfare officer",
}

def resx(table):
    rows = "".join(f'  <data name="{html.escape(k)}" xml:space="preserve"><value>{html.escape(v, quote=False)}</value></data>\n' for k, v in sorted(table.items()))
    return ('<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
            '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
            '  <resheader name="version"><value>2.0</value></resheader>\n'
            '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>\n'
            '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>\n'
            + rows + '</root>\n')

out = pathlib.Path(__file__).resolve().parent.parent / "src/ThreeClears.Web/Resources"
out.mkdir(parents=True, exist_ok=True)
(out / "SharedResource.vi.resx").write_text(resx(VI), encoding="utf-8")
(out / "SharedResource.en.resx").write_text(resx(EN), encoding="utf-8")
