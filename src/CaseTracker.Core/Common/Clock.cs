namespace CaseTracker.Core.Common;

public static class Dates
{
    /// <summary>Whole years from <paramref name="since"/> to <paramref name="today"/>.</summary>
    public static int WholeYears(DateOnly since, DateOnly today)
    {
        var years = today.Year - since.Year;
        if (today < since.AddYears(years))
        {
            years--;
        }
        return Math.Max(0, years);
    }
}
