"""Create the editorial roles (编辑, 审核, 统计, 管理员) with their permissions."""

from django.db import migrations

from jiulongpo.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("jiulongpo", "0001_initial"),
        ("projects", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Every app whose permissions the 管理员 group receives.
        ("axes", "0010_accessattemptexpiration"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("sessions", "0001_initial"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
