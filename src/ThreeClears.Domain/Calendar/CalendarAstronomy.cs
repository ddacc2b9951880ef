namespace ThreeClears.Domain.Calendar;

/// <summary>
/// The bit of astronomy a lunisolar calendar needs: Julian days, the instants of new moon and
/// the Sun's apparent longitude (whose multiples of 30° are the principal solar terms, "trung
/// khí"; 270° is the winter solstice). Pure functions of their arguments: no clock, no state.
/// </summary>
/// <remarks>
/// Written here by hand because .NET has nothing to build the Vietnamese calendar from: see
/// <see cref="VietnameseLunarCalendar"/>. The formulas are the classical truncated series
/// (Jean Meeus, <i>Astronomical Algorithms</i>, 2nd ed., chapters 7, 25 and 49): over 1900–2200 the
/// new moon comes within half a minute of a high-precision ephemeris and the Sun within 0.01°
/// (≈ 15 minutes of time for a solar term), which is what the calendar needs — it only asks on
/// which civil day an event falls. Times are Julian days: <c>JD</c> counts days from noon UT, so civil midnight
/// of a date is at <c>.5</c>.
/// </remarks>
public static class CalendarAstronomy
{
    /// <summary>Julian day number of the day-offset origin: JDN of 0001-01-01 (proleptic Gregorian).</summary>
    private const int JulianDayOfDayNumberZero = 1_721_426;

    /// <summary>Mean length of a lunation (synodic month) in days.</summary>
    public const double SynodicMonth = 29.530588861;

    /// <summary>Mean tropical year in days.</summary>
    private const double TropicalYear = 365.242189;

    /// <summary>JDE of the mean new moon <c>k = 0</c> (6 January 2000, 18:14 TT).</summary>
    private const double NewMoonEpoch = 2_451_550.09766;

    /// <summary>J2000.0: 1 January 2000, 12:00 TT.</summary>
    private const double J2000 = 2_451_545.0;

    /// <summary>
    /// The Julian day number of a (proleptic Gregorian) date: the integer JD at noon of that day.
    /// The classic arithmetic (Fliegel–Van Flandern) is
    /// <c>a = (14 − m) / 12; y = Y + 4800 − a; m' = m + 12a − 3;
    /// JDN = d + (153m' + 2) / 5 + 365y + y/4 − y/100 + y/400 − 32045</c>;
    /// <see cref="DateOnly.DayNumber"/> already counts days continuously in the same calendar, so
    /// the JDN is that count shifted to the Julian epoch (the tests check both agree).
    /// </summary>
    public static int JulianDayNumber(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    /// <summary>The date whose Julian day number is <paramref name="jdn"/>.</summary>
    public static DateOnly FromJulianDayNumber(int jdn) => DateOnly.FromDayNumber(jdn - JulianDayOfDayNumberZero);

    /// <summary>The Julian day (UT) of civil midnight starting <paramref name="date"/> at UTC+<paramref name="utcOffsetHours"/>.</summary>
    public static double LocalMidnight(DateOnly date, double utcOffsetHours)
        => JulianDayNumber(date) - 0.5 - utcOffsetHours / 24.0;

    /// <summary>The civil date at UTC+<paramref name="utcOffsetHours"/> of the instant <paramref name="julianDayUt"/>.</summary>
    public static DateOnly LocalDate(double julianDayUt, double utcOffsetHours)
        => FromJulianDayNumber((int)Math.Floor(julianDayUt + 0.5 + utcOffsetHours / 24.0));

    /// <summary>
    /// ΔT = TT − UT in seconds (Espenak &amp; Meeus polynomials, NASA Five Millennium Canon).
    /// Measured values to the present, an extrapolation after: the uncertainty grows to a few
    /// minutes by 2200 — which only matters for a new moon or solar term within minutes of midnight.
    /// </summary>
    public static double DeltaTSeconds(double decimalYear)
    {
        double y = decimalYear;
        double t;
        if (y < 1800)
        {
            double u = (y - 1820) / 100;
            return -20 + 32 * u * u;
        }
        if (y < 1860)
        {
            t = y - 1800;
            return 13.72 - 0.332447 * t + 0.0068612 * t * t + 0.0041116 * t * t * t
                - 0.00037436 * Math.Pow(t, 4) + 0.0000121272 * Math.Pow(t, 5)
                - 0.0000001699 * Math.Pow(t, 6) + 0.000000000875 * Math.Pow(t, 7);
        }
        if (y < 1900)
        {
            t = y - 1860;
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t * t * t
                - 0.0004473624 * Math.Pow(t, 4) + Math.Pow(t, 5) / 233174;
        }
        if (y < 1920)
        {
            t = y - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * Math.Pow(t, 4);
        }
        if (y < 1941)
        {
            t = y - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
        }
        if (y < 1961)
        {
            t = y - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
        }
        if (y < 1986)
        {
            t = y - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
        }
        if (y < 2005)
        {
            t = y - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t
                + 0.000651814 * Math.Pow(t, 4) + 0.00002373599 * Math.Pow(t, 5);
        }
        if (y < 2050)
        {
            t = y - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double v = (y - 1820) / 100;
        return y < 2150 ? -20 + 32 * v * v - 0.5628 * (2150 - y) : -20 + 32 * v * v;
    }

    private static double DecimalYear(double julianDay) => 2000.0 + (julianDay - J2000) / 365.25;

    private static double DeltaTDays(double julianDay) => DeltaTSeconds(DecimalYear(julianDay)) / 86_400.0;

    /// <summary>
    /// The index <c>k</c> of the last new moon at or before <paramref name="julianDayUt"/>
    /// (k = 0 is the new moon of 6 January 2000; k counts lunations).
    /// </summary>
    public static int NewMoonIndexAtOrBefore(double julianDayUt)
    {
        int k = (int)Math.Floor((julianDayUt - NewMoonEpoch) / SynodicMonth);
        // The true new moon wanders up to ~14 hours from the mean one: settle by comparison.
        while (NewMoonUt(k) > julianDayUt) k--;
        while (NewMoonUt(k + 1) <= julianDayUt) k++;
        return k;
    }

    /// <summary>The instant (JD, UT) of new moon number <paramref name="k"/>.</summary>
    public static double NewMoonUt(int k)
    {
        double jde = NewMoonTerrestrialTime(k);
        return jde - DeltaTDays(jde);
    }

    /// <summary>
    /// The instant (JDE, Terrestrial Time) of new moon <paramref name="k"/>: the mean conjunction
    /// plus the periodic terms from the Sun's and Moon's anomalies and the Moon's argument of
    /// latitude (Meeus ch. 49), then the small planetary perturbations.
    /// </summary>
    public static double NewMoonTerrestrialTime(int k)
    {
        double t = k / 1236.85; // Julian centuries from J2000 (1236.85 lunations per century)
        double t2 = t * t, t3 = t2 * t, t4 = t3 * t;

        double jde = NewMoonEpoch + SynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

        double e = 1 - 0.002516 * t - 0.0000074 * t2; // eccentricity of the Earth's orbit, relative
        double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;                  // Sun's mean anomaly
        double mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4; // Moon's mean anomaly
        double f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4; // Moon's argument of latitude
        double om = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;                // longitude of the ascending node

        double c =
            -0.40720 * Sin(mp)
            + 0.17241 * e * Sin(m)
            + 0.01608 * Sin(2 * mp)
            + 0.01039 * Sin(2 * f)
            + 0.00739 * e * Sin(mp - m)
            - 0.00514 * e * Sin(mp + m)
            + 0.00208 * e * e * Sin(2 * m)
            - 0.00111 * Sin(mp - 2 * f)
            - 0.00057 * Sin(mp + 2 * f)
            + 0.00056 * e * Sin(2 * mp + m)
            - 0.00042 * Sin(3 * mp)
            + 0.00042 * e * Sin(m + 2 * f)
            + 0.00038 * e * Sin(m - 2 * f)
            - 0.00024 * e * Sin(2 * mp - m)
            - 0.00017 * Sin(om)
            - 0.00007 * Sin(mp + 2 * m)
            + 0.00004 * Sin(2 * mp - 2 * f)
            + 0.00004 * Sin(3 * m)
            + 0.00003 * Sin(mp + m - 2 * f)
            + 0.00003 * Sin(2 * mp + 2 * f)
            - 0.00003 * Sin(mp + m + 2 * f)
            + 0.00003 * Sin(mp - m + 2 * f)
            - 0.00002 * Sin(mp - m - 2 * f)
            - 0.00002 * Sin(3 * mp + m)
            + 0.00002 * Sin(4 * mp);

        double planets =
            0.000325 * Sin(299.77 + 0.107408 * k - 0.009173 * t2)
            + 0.000165 * Sin(251.88 + 0.016321 * k)
            + 0.000164 * Sin(251.83 + 26.651886 * k)
            + 0.000126 * Sin(349.42 + 36.412478 * k)
            + 0.000110 * Sin(84.66 + 18.206239 * k)
            + 0.000062 * Sin(141.74 + 53.303771 * k)
            + 0.000060 * Sin(207.14 + 2.453732 * k)
            + 0.000056 * Sin(154.84 + 7.306860 * k)
            + 0.000047 * Sin(34.52 + 27.261239 * k)
            + 0.000042 * Sin(207.19 + 0.121824 * k)
            + 0.000040 * Sin(291.34 + 1.844379 * k)
            + 0.000037 * Sin(161.72 + 24.198154 * k)
            + 0.000035 * Sin(239.56 + 25.513099 * k)
            + 0.000023 * Sin(331.55 + 3.592518 * k);

        return jde + c + planets;
    }

    /// <summary>The Sun's apparent geocentric longitude in degrees [0, 360) at <paramref name="julianDayUt"/>.</summary>
    public static double SunApparentLongitude(double julianDayUt)
        => SunApparentLongitudeTerrestrialTime(julianDayUt + DeltaTDays(julianDayUt));

    /// <summary>
    /// The Sun's apparent longitude at the instant <paramref name="jde"/> (TT): mean longitude plus
    /// the equation of the centre (Kepler's orbit to third order in the eccentricity), less
    /// aberration (20.5″) and nutation in longitude (main term) — Meeus ch. 25.
    /// </summary>
    public static double SunApparentLongitudeTerrestrialTime(double jde)
    {
        double t = (jde - J2000) / 36_525.0;
        double t2 = t * t;
        double l0 = 280.46646 + 36_000.76983 * t + 0.0003032 * t2;   // geometric mean longitude
        double m = 357.52911 + 35_999.05029 * t - 0.0001537 * t2;    // mean anomaly
        double centre = (1.914602 - 0.004817 * t - 0.000014 * t2) * Sin(m)
            + (0.019993 - 0.000101 * t) * Sin(2 * m)
            + 0.000289 * Sin(3 * m);
        double omega = 125.04 - 1_934.136 * t;
        double lambda = l0 + centre - 0.00569 - 0.00478 * Sin(omega);
        return Normalize(lambda);
    }

    /// <summary>
    /// The instant (JD, UT) at which the Sun's apparent longitude reaches <paramref name="longitude"/>
    /// (degrees), the solution nearest to <paramref name="nearJulianDayUt"/> (within about half a year).
    /// </summary>
    public static double SolarLongitudeInstant(double longitude, double nearJulianDayUt)
    {
        double jd = nearJulianDayUt;
        for (int i = 0; i < 20; i++)
        {
            double error = Normalize(longitude - SunApparentLongitude(jd) + 180) - 180; // in (−180, 180]
            double step = error * TropicalYear / 360.0; // the Sun moves ~0.9856°/day
            jd += step;
            if (Math.Abs(step) < 1e-7) break;
        }
        return jd;
    }

    private static double Sin(double degrees) => Math.Sin(degrees * (Math.PI / 180.0));

    private static double Normalize(double degrees)
    {
        double r = degrees % 360.0;
        return r < 0 ? r + 360.0 : r;
    }
}
