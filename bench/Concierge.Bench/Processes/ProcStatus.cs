using System.Globalization;

namespace Concierge.Bench.Processes;

/// <summary>A process's memory and CPU as Linux reports them in /proc (no tool, no agent in the process).</summary>
/// <param name="RssMb">VmRSS: resident memory now.</param>
/// <param name="PeakRssMb">VmHWM: the highest resident memory since the process started.</param>
/// <param name="CpuTime">utime + stime: CPU spent by every thread of the process so far.</param>
public sealed record ProcStatus(double RssMb, double PeakRssMb, TimeSpan CpuTime)
{
    // USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
    private const double ClockTicksPerSecond = 100;

    public static ProcStatus Read(int pid)
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) / 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) / 1024;
            }
        }

        // Fields after the command name (which is in parentheses and may hold spaces): utime is the
        // 14th field of the line, stime the 15th, i.e. the 12th and 13th after ") ".
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcStatus(rss, peak, TimeSpan.FromSeconds(ticks / ClockTicksPerSecond));
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
