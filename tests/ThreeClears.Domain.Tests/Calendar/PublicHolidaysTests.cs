using ThreeClears.Domain.Calendar;

namespace ThreeClears.Domain.Tests.Calendar;

public class PublicHolidaysTests
{
    private static Holiday H(int y, int m, int d, string name) => new(new DateOnly(y, m, d), name);

    [Fact]
    public void Defaults_of_2025()
    {
        // 1 January 2025 is a Wednesday. Day-of-week of another date = Wednesday + (days since 1 Jan) mod 7.
        // Tết 2025 = 29 January (mùng 1); the eve, 28 January, is 29 tháng Chạp (month 12 of 2024 has 29 days).
        //   28 Jan: +27 = 3×7 + 6 → Tuesday; 29 Wed, 30 Thu, 31 Fri; 1 Feb: +31 = 4×7 + 3 → Saturday.
        //   Mùng 4 on Saturday → the next day neither weekend nor holiday: Sun 2 Feb is weekend → Mon 3 Feb.
        // Giỗ Tổ (10/3) = 7 April: +96 = 13×7 + 5 → Monday.
        // 30 April: +119 = 17×7 → Wednesday; 1 May Thursday.
        // 1 September: +243 (31+28+31+30+31+30+31+31) = 34×7 + 5 → Monday; 2 September Tuesday.
        // So one compensatory day only: 3 February.
        Assert.Equal(
            [
                H(2025, 1, 1, "Tết Dương lịch"),
                H(2025, 1, 28, "Tết Nguyên đán (29 tháng Chạp)"),
                H(2025, 1, 29, "Tết Nguyên đán (mùng 1 tháng Giêng)"),
                H(2025, 1, 30, "Tết Nguyên đán (mùng 2 tháng Giêng)"),
                H(2025, 1, 31, "Tết Nguyên đán (mùng 3 tháng Giêng)"),
                H(2025, 2, 1, "Tết Nguyên đán (mùng 4 tháng Giêng)"),
                H(2025, 2, 3, "Nghỉ bù Tết Nguyên đán (mùng 4 tháng Giêng)"),
                H(2025, 4, 7, "Giỗ Tổ Hùng Vương"),
                H(2025, 4, 30, "Ngày Giải phóng miền Nam, thống nhất đất nước"),
                H(2025, 5, 1, "Ngày Quốc tế Lao động"),
                H(2025, 9, 1, "Quốc khánh (ngày liền kề)"),
                H(2025, 9, 2, "Quốc khánh"),
            ],
            PublicHolidays.Defaults(2025));
    }

    [Fact]
    public void Defaults_of_2026()
    {
        // 2025 has 365 days = 52 weeks + 1, so 1 January 2026 is a Thursday.
        // Tết 2026 = 17 February; eve 16 February = 29 tháng Chạp: +46 = 6×7 + 4 → Monday; then Tue–Fri 17–20.
        //   No Tết day on a weekend.
        // Giỗ Tổ (10/3) = 26 April: +115 (31+28+31+25) = 16×7 + 3 → Sunday → compensatory Monday 27 April.
        // 30 April: Thursday (Monday 27 + 3); 1 May Friday.
        // 1 September: +243 = 34×7 + 5 → Tuesday; 2 September Wednesday.
        Assert.Equal(
            [
                H(2026, 1, 1, "Tết Dương lịch"),
                H(2026, 2, 16, "Tết Nguyên đán (29 tháng Chạp)"),
                H(2026, 2, 17, "Tết Nguyên đán (mùng 1 tháng Giêng)"),
                H(2026, 2, 18, "Tết Nguyên đán (mùng 2 tháng Giêng)"),
                H(2026, 2, 19, "Tết Nguyên đán (mùng 3 tháng Giêng)"),
                H(2026, 2, 20, "Tết Nguyên đán (mùng 4 tháng Giêng)"),
                H(2026, 4, 26, "Giỗ Tổ Hùng Vương"),
                H(2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương"),
                H(2026, 4, 30, "Ngày Giải phóng miền Nam, thống nhất đất nước"),
                H(2026, 5, 1, "Ngày Quốc tế Lao động"),
                H(2026, 9, 1, "Quốc khánh (ngày liền kề)"),
                H(2026, 9, 2, "Quốc khánh"),
            ],
            PublicHolidays.Defaults(2026));
    }

    [Fact]
    public void Defaults_of_2023_push_compensatory_days_past_other_holidays()
    {
        // 1 January 2023 is a Sunday → Monday 2 January.
        // Tết = Sunday 22 January; eve Saturday 21 January (30 tháng Chạp); mùng 2–4 Mon–Wed 23–25.
        //   Two Tết days on the weekend → Thursday 26 and Friday 27, after the whole block.
        // Giỗ Tổ = Saturday 29 April (+118 = 16×7 + 6); 30 April Sunday; 1 May Monday (a holiday).
        //   For 29 April: Sun 30 is weekend, Mon 1 May a holiday → Tuesday 2 May.
        //   For 30 April: 1 May holiday, 2 May just taken → Wednesday 3 May.
        // 1 September Friday, 2 September Saturday → Sunday 3 is weekend → Monday 4 September.
        // (The government's actual 2023 schedule had these very days off: 2 Jan, 29 Apr–3 May, 1–4 Sep.)
        Assert.Equal(
            [
                H(2023, 1, 1, "Tết Dương lịch"),
                H(2023, 1, 2, "Nghỉ bù Tết Dương lịch"),
                H(2023, 1, 21, "Tết Nguyên đán (30 tháng Chạp)"),
                H(2023, 1, 22, "Tết Nguyên đán (mùng 1 tháng Giêng)"),
                H(2023, 1, 23, "Tết Nguyên đán (mùng 2 tháng Giêng)"),
                H(2023, 1, 24, "Tết Nguyên đán (mùng 3 tháng Giêng)"),
                H(2023, 1, 25, "Tết Nguyên đán (mùng 4 tháng Giêng)"),
                H(2023, 1, 26, "Nghỉ bù Tết Nguyên đán (30 tháng Chạp)"),
                H(2023, 1, 27, "Nghỉ bù Tết Nguyên đán (mùng 1 tháng Giêng)"),
                H(2023, 4, 29, "Giỗ Tổ Hùng Vương"),
                H(2023, 4, 30, "Ngày Giải phóng miền Nam, thống nhất đất nước"),
                H(2023, 5, 1, "Ngày Quốc tế Lao động"),
                H(2023, 5, 2, "Nghỉ bù Giỗ Tổ Hùng Vương"),
                H(2023, 5, 3, "Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước"),
                H(2023, 9, 1, "Quốc khánh (ngày liền kề)"),
                H(2023, 9, 2, "Quốc khánh"),
                H(2023, 9, 4, "Nghỉ bù Quốc khánh"),
            ],
            PublicHolidays.Defaults(2023));
    }

    [Fact]
    public void Every_year_has_eleven_holidays_in_the_year_and_one_weekday_off_per_weekend_holiday()
    {
        for (int year = 1900; year <= 2199; year++)
        {
            var holidays = PublicHolidays.Defaults(year);
            var compensatory = holidays.Where(h => h.Name.StartsWith(PublicHolidays.CompensatoryPrefix, StringComparison.Ordinal)).ToList();
            var statutory = holidays.Except(compensatory).ToList();

            Assert.Equal(11, statutory.Count);
            Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
            Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
            Assert.Equal(statutory.Count(h => PublicHolidays.IsWeekend(h.Date)), compensatory.Count);
            Assert.All(compensatory, c => Assert.False(PublicHolidays.IsWeekend(c.Date)));
            Assert.Equal(compensatory.Count, compensatory.Select(c => c.Date).Distinct().Count());
            Assert.Empty(compensatory.Select(c => c.Date).Intersect(statutory.Select(s => s.Date)));
            Assert.Equal(5, statutory.Count(h => h.Name.StartsWith(PublicHolidays.LunarNewYear, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void The_Tet_block_is_the_eve_and_lunar_1_to_4_of_the_solar_years_lunar_year()
    {
        // Tết 2028 is 26 January: the eve 25 January closes lunar year 2027, mùng 4 is 29 January.
        var tet = PublicHolidays.Defaults(2028).Where(h => h.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)).Select(h => h.Date);
        Assert.Equal([new(2028, 1, 25), new(2028, 1, 26), new(2028, 1, 27), new(2028, 1, 28), new(2028, 1, 29)], tet);
        Assert.Equal(new LunarDate(2027, 12, 29), VietnameseLunarCalendar.ToLunar(new DateOnly(2028, 1, 25)));
    }
}
