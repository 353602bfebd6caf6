// The Database type: one interface per table, assembled from the features' table files.
// Conventions (both dialects): dates are text 'YYYY-MM-DD' or months 'YYYY-MM'; instants are ISO-8601
// UTC text; booleans are integers 0/1; ids are integers. Columns are snake_case in SQL, camelCase here.
import type { AuthorityTable, RoleTable, RolePermissionTable, UserTable, SessionTable } from '../features/accounts/accounts.table.js';
import type { AuditLogTable } from '../features/audit/audit.table.js';
import type { SettingTable } from '../features/settings/settings.table.js';
import type { UnitTable, TeamTable, PostTable, AppointmentTable } from '../features/units/units.table.js';
import type {
  CadreCountTable,
  CadreProfileCountTable,
  CadreBirthCountTable,
  CadreNameGramTable,
  CadreSpecialtyTable,
  CadreBirthProfileCountTable,
  CadreProvinceCountTable,
  FamilyNamesakeTable,
  CadreTable,
  CadreResumeTable,
  CadreRewardTable,
  CadreAppraisalTable,
  CadreFamilyTable,
  CadreRankTable,
  CadreTagTable,
  CadrePhotoTable,
} from '../features/cadres/cadres.table.js';
import type { CadreRmbExtrasTable, ImportJobTable, ImportJobFileTable } from '../features/transfer/transfer.table.js';
import type { ExcelUploadTable } from '../features/documents/documents.table.js';
import type { DataVersionTable } from './data-versions.js';
import type { AdjustmentPlanTable, AdjustmentPlanMoveTable } from '../features/simulation/simulation.table.js';
import type {
  AnalysisRecordTable,
  AnalysisRecordItemTable,
  AnalysisFollowUpTable,
  SurveyRecordTable,
  SurveyRecommendationTable,
} from '../features/analysis-records/analysis-records.table.js';
import type {
  SpecialtyPoolTable,
  PoolMembershipTable,
  CategoryEntryTable,
  ChiefReserveTable,
  ChiefReservePostTable,
} from '../features/pools/pools.table.js';
import type { PromisingCadreTable, SecondmentTable, MentorshipTable, MentoringRecordTable } from '../features/young/young.table.js';

export interface Database {
  authorities: AuthorityTable;
  roles: RoleTable;
  rolePermissions: RolePermissionTable;
  users: UserTable;
  sessions: SessionTable;
  auditLog: AuditLogTable;
  settings: SettingTable;
  units: UnitTable;
  teams: TeamTable;
  posts: PostTable;
  appointments: AppointmentTable;
  cadres: CadreTable;
  cadreCounts: CadreCountTable;
  cadreProfileCounts: CadreProfileCountTable;
  cadreBirthCounts: CadreBirthCountTable;
  cadreNameGrams: CadreNameGramTable;
  cadreSpecialties: CadreSpecialtyTable;
  cadreBirthProfileCounts: CadreBirthProfileCountTable;
  cadreProvinceCounts: CadreProvinceCountTable;
  familyNamesakes: FamilyNamesakeTable;
  cadreResume: CadreResumeTable;
  cadreRewards: CadreRewardTable;
  cadreAppraisals: CadreAppraisalTable;
  cadreFamily: CadreFamilyTable;
  cadreRanks: CadreRankTable;
  cadreTags: CadreTagTable;
  cadrePhotos: CadrePhotoTable;
  cadreRmbExtras: CadreRmbExtrasTable;
  importJobs: ImportJobTable;
  importJobFiles: ImportJobFileTable;
  excelUploads: ExcelUploadTable;
  adjustmentPlans: AdjustmentPlanTable;
  adjustmentPlanMoves: AdjustmentPlanMoveTable;
  analysisRecords: AnalysisRecordTable;
  analysisRecordItems: AnalysisRecordItemTable;
  analysisFollowUps: AnalysisFollowUpTable;
  surveyRecords: SurveyRecordTable;
  surveyRecommendations: SurveyRecommendationTable;
  specialtyPools: SpecialtyPoolTable;
  poolMemberships: PoolMembershipTable;
  categoryEntries: CategoryEntryTable;
  chiefReserve: ChiefReserveTable;
  chiefReservePosts: ChiefReservePostTable;
  promisingCadres: PromisingCadreTable;
  secondments: SecondmentTable;
  mentorships: MentorshipTable;
  mentoringRecords: MentoringRecordTable;
  dataVersions: DataVersionTable;
}
