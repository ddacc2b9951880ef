namespace ThreeClears.Domain.Access;

/// <summary>The roles of API.md, granted at an org unit and covering its subtree.</summary>
public enum Role { Admin, Leader, Manager, Officer, Statistician, Inspector, Welfare }

/// <summary>What a role lets its holder do inside the subtree where it is granted.</summary>
public enum Permission
{
    /// <summary>Org units, users, roles, calendar, catalogue: the administrator's work.</summary>
    Administer,
    ReadUsers,
    ReadTasks,
    AssignTasks,
    ReassignTasks,
    VerifyTasks,
    ResolveEscalations,
    /// <summary>Answer consultations and opinions addressed to the unit.</summary>
    AnswerForUnit,
    ReadData,
    EnterData,
    SubmitData,
    ApproveData,
    ManagePlan,
    ManageDrafts,
    ReadEvaluations,
    ReadWelfare,
    ManageWelfare,
    ReadAudit,
}

/// <summary>
/// The rights of each role, as API.md "Precise meanings" lists them. Owning a task (report,
/// escalate, consult) is not a unit right: it follows from being the task's owner.
/// </summary>
public static class RoleRights
{
    private static readonly Dictionary<Role, HashSet<Permission>> Rights = new()
    {
        [Role.Admin] = [.. Enum.GetValues<Permission>()],
        [Role.Leader] =
        [
            Permission.ReadUsers, Permission.ReadTasks, Permission.AssignTasks, Permission.ReassignTasks,
            Permission.VerifyTasks, Permission.ResolveEscalations, Permission.AnswerForUnit,
            Permission.ReadData, Permission.ApproveData, Permission.ManagePlan, Permission.ManageDrafts,
            Permission.ReadEvaluations, Permission.ReadWelfare,
        ],
        [Role.Manager] =
        [
            Permission.ReadUsers, Permission.ReadTasks, Permission.AssignTasks, Permission.ReassignTasks,
            Permission.VerifyTasks, Permission.ResolveEscalations, Permission.AnswerForUnit,
            Permission.ReadData, Permission.EnterData, Permission.SubmitData, Permission.ManagePlan,
            Permission.ManageDrafts, Permission.ReadEvaluations,
        ],
        [Role.Officer] = [Permission.ReadUsers, Permission.ReadTasks],
        [Role.Statistician] =
            [Permission.ReadData, Permission.EnterData, Permission.SubmitData, Permission.ApproveData],
        [Role.Inspector] =
        [
            Permission.ReadUsers, Permission.ReadTasks, Permission.VerifyTasks, Permission.ReadData,
            Permission.ReadEvaluations, Permission.ReadWelfare, Permission.ReadAudit,
        ],
        [Role.Welfare] = [Permission.ReadWelfare, Permission.ManageWelfare],
    };

    public static bool Grants(Role role, Permission permission) => Rights[role].Contains(permission);

    public static IReadOnlySet<Permission> Of(Role role) => Rights[role];
}
