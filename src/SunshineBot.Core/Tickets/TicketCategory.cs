namespace SunshineBot.Core.Tickets;

/// <summary>
/// What the matter is about. Fee sub-items come first because fees are most of the traffic;
/// <see cref="TicketCategories.IsFee"/> tells them apart.
/// </summary>
public enum TicketCategory
{
    TuitionAndMiscFees,
    SupplementaryMaterials,
    Uniforms,
    AfterSchoolService,
    PaidTutoring,
    CollectedOnBehalf,
    AdmissionLinkedFees,
    KindergartenFees,
    BoardingAndMeals,
    OtherFees,
    Enrolment,
    TeacherConduct,
    CampusSafety,
    Canteen,
    Other,
}

public static class TicketCategories
{
    public static bool IsFee(this TicketCategory category) => category <= TicketCategory.OtherFees;

    public static IReadOnlyList<TicketCategory> FeeItems { get; } =
        Enum.GetValues<TicketCategory>().Where(c => c.IsFee()).ToArray();

    public static IReadOnlyList<TicketCategory> NonFeeItems { get; } =
        Enum.GetValues<TicketCategory>().Where(c => !c.IsFee()).ToArray();
}
